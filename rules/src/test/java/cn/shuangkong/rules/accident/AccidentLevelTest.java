package cn.shuangkong.rules.accident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.shuangkong.rules.InvalidFactException;

/**
 * 《生产安全事故报告和调查处理条例》(国务院令第493号) 第三条: 特别重大 30人以上死亡 / 100人以上重伤 / 1亿元以上; 重大 10–30 / 50–100 /
 * 5000万–1亿; 较大 3–10 / 10–50 / 1000万–5000万; 一般 below. 第三条第二款: "以上" includes the number, "以下" excludes it.
 */
class AccidentLevelTest {

    @ParameterizedTest(name = "第三条: {0} deaths → {1}")
    @CsvSource({
            "0,   GENERAL",
            "2,   GENERAL",
            "3,   RELATIVELY_MAJOR",
            "9,   RELATIVELY_MAJOR",
            "10,  MAJOR",
            "29,  MAJOR",
            "30,  ESPECIALLY_MAJOR",
            "312, ESPECIALLY_MAJOR",
    })
    void deathsGradeByArticle3WithTheThresholdInItsLevel(int deaths, AccidentLevel level) {
        assertThat(AccidentLevel.of(deaths, 0, BigDecimal.ZERO)).isEqualTo(level);
    }

    @ParameterizedTest(name = "第三条: {0} serious injuries → {1}")
    @CsvSource({
            "9,   GENERAL",
            "10,  RELATIVELY_MAJOR",
            "49,  RELATIVELY_MAJOR",
            "50,  MAJOR",
            "99,  MAJOR",
            "100, ESPECIALLY_MAJOR",
    })
    void seriousInjuriesGradeByArticle3WithTheThresholdInItsLevel(int seriousInjuries, AccidentLevel level) {
        assertThat(AccidentLevel.of(0, seriousInjuries, BigDecimal.ZERO)).isEqualTo(level);
    }

    @ParameterizedTest(name = "第三条: {0} yuan → {1}")
    @CsvSource({
            "9999999,       GENERAL",
            "9999999.99,    GENERAL",
            "10000000,      RELATIVELY_MAJOR",
            "10000000.00,   RELATIVELY_MAJOR",
            "49999999,      RELATIVELY_MAJOR",
            "50000000,      MAJOR",
            "99999999,      MAJOR",
            "99999999.99,   MAJOR",
            "100000000,     ESPECIALLY_MAJOR",
            "1E+9,          ESPECIALLY_MAJOR",
    })
    void directLossGradesByArticle3WithTheThresholdInItsLevel(BigDecimal directLossYuan, AccidentLevel level) {
        assertThat(AccidentLevel.of(0, 0, directLossYuan)).isEqualTo(level);
    }

    @ParameterizedTest(name = "第三条: {0} deaths, {1} injured, {2} yuan → {3}")
    @CsvSource({
            "2,  60, 0,         MAJOR",
            "12, 0,  10000000,  MAJOR",
            "0,  9,  150000000, ESPECIALLY_MAJOR",
            "3,  49, 49999999,  RELATIVELY_MAJOR",
            "2,  9,  9999999,   GENERAL",
    })
    void theMostSevereCriterionOfArticle3Wins(int deaths, int seriousInjuries, BigDecimal directLossYuan, AccidentLevel level) {
        assertThat(AccidentLevel.of(deaths, seriousInjuries, directLossYuan)).isEqualTo(level);
    }

    @Test
    void levelsCarryArticle3sNames() {
        assertThat(AccidentLevel.values()).extracting(AccidentLevel::label).containsExactly("特别重大事故", "重大事故", "较大事故", "一般事故");
        assertThat(AccidentLevel.CLAUSE).isEqualTo("《生产安全事故报告和调查处理条例》（国务院令第493号）第三条");
    }

    @Test
    void negativeConsequencesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> AccidentLevel.of(-1, 0, BigDecimal.ZERO)).isInstanceOf(InvalidFactException.class)
                .extracting(e -> ((InvalidFactException) e).field()).isEqualTo("deaths");
        assertThatThrownBy(() -> AccidentLevel.of(0, -1, BigDecimal.ZERO)).isInstanceOf(InvalidFactException.class)
                .extracting(e -> ((InvalidFactException) e).field()).isEqualTo("seriousInjuries");
        assertThatThrownBy(() -> AccidentLevel.of(0, 0, new BigDecimal("-0.01"))).isInstanceOf(InvalidFactException.class)
                .extracting(e -> ((InvalidFactException) e).field()).isEqualTo("directLossYuan");
    }
}
