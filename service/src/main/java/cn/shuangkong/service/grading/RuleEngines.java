package cn.shuangkong.service.grading;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.shuangkong.rules.checklist.ChecklistCatalogue;
import cn.shuangkong.rules.enterprise.EnterpriseGrading;
import cn.shuangkong.rules.hazardpoint.HazardPointGrading;
import cn.shuangkong.rules.hiddendanger.HiddenDangerClassification;
import cn.shuangkong.rules.majorhazard.MajorHazardGrading;
import cn.shuangkong.rules.riskpoint.RiskPointGrading;

/** Each rule set is compiled once, at start-up, and shared by every request. */
@Configuration(proxyBeanMethods = false)
class RuleEngines {

    private static final Logger log = LoggerFactory.getLogger(RuleEngines.class);

    @Bean
    RiskPointGrading riskPointGrading() {
        return timed("riskpoint", RiskPointGrading::new);
    }

    @Bean
    MajorHazardGrading majorHazardGrading() {
        return timed("majorhazard", MajorHazardGrading::new);
    }

    @Bean
    HazardPointGrading hazardPointGrading() {
        return timed("hazardpoint", HazardPointGrading::new);
    }

    /** The enterprise rule set with the table shipped in this build; {@link RuleSetReleases} decides which version is in force. */
    @Bean
    EnterpriseGrading builtInEnterpriseGrading() {
        return timed("enterprise", EnterpriseGrading::builtIn);
    }

    @Bean
    HiddenDangerClassification hiddenDangerClassification() {
        return timed("hiddendanger", HiddenDangerClassification::new);
    }

    /**
     * The inspection checklists, read once: the standard ones (rules resources) and, when
     * {@code shuangkong.checklists.local-dir} names a directory, a region's own ({@code *.tsv}, see
     * {@link ChecklistCatalogue#withLocal}). Hidden dangers and inspections look items up here.
     */
    @Bean
    ChecklistCatalogue checklistCatalogue(@Value("${shuangkong.checklists.local-dir:}") String localDir) {
        if (localDir.isBlank()) {
            return ChecklistCatalogue.standard();
        }
        ChecklistCatalogue catalogue = ChecklistCatalogue.withLocal(java.nio.file.Path.of(localDir));
        log.info("Checklists: {} (local ones from {})", catalogue.all().stream().map(c -> c.code()).toList(), localDir);
        return catalogue;
    }

    private static <T> T timed(String name, java.util.function.Supplier<T> build) {
        long start = System.nanoTime();
        T engine = build.get();
        log.info("Compiled rule set '{}' in {} ms", name, (System.nanoTime() - start) / 1_000_000);
        return engine;
    }
}
