package cn.shuangkong.service.grading;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.shuangkong.rules.checklist.ChecklistCatalogue;
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

    @Bean
    HiddenDangerClassification hiddenDangerClassification() {
        return timed("hiddendanger", HiddenDangerClassification::new);
    }

    /** The inspection checklists (rules resources), read once: hidden dangers and inspections look items up here. */
    @Bean
    ChecklistCatalogue checklistCatalogue() {
        return ChecklistCatalogue.standard();
    }

    private static <T> T timed(String name, java.util.function.Supplier<T> build) {
        long start = System.nanoTime();
        T engine = build.get();
        log.info("Compiled rule set '{}' in {} ms", name, (System.nanoTime() - start) / 1_000_000);
        return engine;
    }
}
