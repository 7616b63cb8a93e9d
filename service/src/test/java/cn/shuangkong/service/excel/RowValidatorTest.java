package cn.shuangkong.service.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import cn.shuangkong.service.api.model.ChemicalUnitInput;
import cn.shuangkong.service.api.model.EnterpriseInput;
import cn.shuangkong.service.api.model.HazardPointInput;
import cn.shuangkong.service.api.model.HazardPointType;
import cn.shuangkong.service.api.model.IndustryCategory;
import cn.shuangkong.service.api.model.RiskPointInput;
import cn.shuangkong.service.api.model.StandardizationLevel;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The row predicates agree with Hibernate Validator's verdict on the contract's own input classes, value by value at
 * every boundary of every constraint and over random mixes of those values; a class they do not understand goes to the
 * validator every time.
 */
class RowValidatorTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    /** Each property's values: every constraint's bounds, one inside and one outside, null, and oddities. */
    private static final Map<String, List<Object>> ENTERPRISE = new LinkedHashMap<>();
    private static final Map<String, List<Object>> HAZARD_POINT = new LinkedHashMap<>();

    static {
        ENTERPRISE.put("uscc", Arrays.asList("91330302MA2AK7L1XU", "", null));
        ENTERPRISE.put("name", Arrays.asList("", "企", "a".repeat(200), "名".repeat(200), "a".repeat(201), "😀".repeat(100), "😀".repeat(101), null));
        ENTERPRISE.put("regionCode", Arrays.asList("33030", "330302", "330302001001", "3303020010011", "", null));
        ENTERPRISE.put("industryCategory", Arrays.asList(IndustryCategory.HAZARDOUS_CHEMICALS, IndustryCategory.OTHER, null));
        ENTERPRISE.put("industryCode", Arrays.asList("C", "C13", "C1713", "C17131", "C1", "1713", "17", "1", "17131", "c13", "C 13", "C13\n", "", "U", null));
        ENTERPRISE.put("address", Arrays.asList("", "址".repeat(300), "址".repeat(301), null));
        ENTERPRISE.put("longitude", Arrays.asList(new BigDecimal("73"), new BigDecimal("73.000"), new BigDecimal("72.999999"), new BigDecimal("136"),
                new BigDecimal("136.0000001"), new BigDecimal("1.20E+2"), new BigDecimal("-120"), null));
        ENTERPRISE.put("latitude", Arrays.asList(new BigDecimal("3"), new BigDecimal("2.9999"), new BigDecimal("54"), new BigDecimal("54.00001"),
                new BigDecimal("30.5"), null));
        ENTERPRISE.put("employees", Arrays.asList(0, -1, 1_000_000, 1_000_001, Integer.MIN_VALUE, Integer.MAX_VALUE, null));
        ENTERPRISE.put("standardizationLevel", Arrays.asList(StandardizationLevel.LEVEL_1, StandardizationLevel.NONE, null));
        ENTERPRISE.put("legalRepresentative", Arrays.asList("", "王".repeat(50), "王".repeat(51), null));
        ENTERPRISE.put("contactPhone", Arrays.asList("0577-88888888", "12345", "1234", "1".repeat(30), "1".repeat(31), "+86 (577) 8888-8888", "138x", "", " 12345",
                "12345\n", null));

        HAZARD_POINT.put("name", Arrays.asList("", "点", "a".repeat(200), "a".repeat(201), null));
        HAZARD_POINT.put("regionCode", Arrays.asList("", "330302", "330302001001", "3303020010011", null));
        HAZARD_POINT.put("type", Arrays.asList(HazardPointType.values()[0], null));
        HAZARD_POINT.put("location", Arrays.asList("", "地".repeat(300), "地".repeat(301), null));
        HAZARD_POINT.put("longitude", Arrays.asList(new BigDecimal("73"), new BigDecimal("72.9"), new BigDecimal("136"), new BigDecimal("136.01"), null));
        HAZARD_POINT.put("latitude", Arrays.asList(new BigDecimal("3"), new BigDecimal("2.99"), new BigDecimal("54"), new BigDecimal("54.1"), null));
        HAZARD_POINT.put("threatenedPeople", Arrays.asList(0, -5, 12, null));
        HAZARD_POINT.put("potentialLossYuan", Arrays.asList(BigDecimal.ZERO, new BigDecimal("-1"), new BigDecimal("1E+9"), null));
        HAZARD_POINT.put("monitoringPerson", Arrays.asList("", "张".repeat(50), "张".repeat(51), null));
    }

    private static EnterpriseInput validEnterprise() {
        return new EnterpriseInput("91330302MA2AK7L1XU", "温州市鹿城区示例化工有限公司", "330302", IndustryCategory.HAZARDOUS_CHEMICALS)
                .industryCode("C2614").address("温州市鹿城区示例路 1 号").longitude(new BigDecimal("120.65")).latitude(new BigDecimal("28.01"))
                .employees(120).standardizationLevel(StandardizationLevel.LEVEL_3).legalRepresentative("张三").contactPhone("0577-88888888");
    }

    private static HazardPointInput validHazardPoint() {
        return new HazardPointInput("杨府山滑坡隐患点", "330302", HazardPointType.values()[0], 30, new BigDecimal("2000000"))
                .location("杨府山东麓").longitude(new BigDecimal("120.70")).latitude(new BigDecimal("28.00")).monitoringPerson("李四");
    }

    @Test
    void theContractsFlatInputsHavePredicatesAndThoseWithNestedBeansGoToTheValidator() {
        RowValidator rows = new RowValidator(VALIDATOR);
        assertThat(rows.hasPredicates(EnterpriseInput.class)).isTrue();
        assertThat(rows.hasPredicates(HazardPointInput.class)).isTrue();
        // Their @Valid lists and objects hold constrained beans: every row is the validator's.
        assertThat(rows.hasPredicates(ChemicalUnitInput.class)).isFalse();
        assertThat(rows.hasPredicates(RiskPointInput.class)).isFalse();
    }

    @Test
    void enterpriseInputEveryBoundaryOfEveryConstraintAgreesWithTheValidator() throws Exception {
        agreesOneValueAtATime(EnterpriseInput.class, RowValidatorTest::validEnterprise, ENTERPRISE);
    }

    @Test
    void hazardPointInputEveryBoundaryOfEveryConstraintAgreesWithTheValidator() throws Exception {
        agreesOneValueAtATime(HazardPointInput.class, RowValidatorTest::validHazardPoint, HAZARD_POINT);
    }

    @Test
    void randomMixesOfTheBoundaryValuesAgreeWithTheValidator() throws Exception {
        agreesOnRandomMixes(EnterpriseInput.class, RowValidatorTest::validEnterprise, ENTERPRISE, 20260801L);
        agreesOnRandomMixes(HazardPointInput.class, RowValidatorTest::validHazardPoint, HAZARD_POINT, 20260802L);
    }

    @Test
    void aRowThatFailsGetsTheValidatorsOwnViolationsAndOneThatPassesNone() {
        RowValidator rows = new RowValidator(VALIDATOR);
        EnterpriseInput bad = validEnterprise().address("址".repeat(301)).employees(-1);
        Set<ConstraintViolation<EnterpriseInput>> violations = rows.validate(bad);
        assertThat(violations).extracting(v -> v.getPropertyPath().toString()).containsExactlyInAnyOrder("address", "employees");
        assertThat(violations).extracting(ConstraintViolation::getMessage)
                .containsExactlyInAnyOrderElementsOf(VALIDATOR.validate(bad).stream().map(ConstraintViolation::getMessage).toList());
        assertThat(rows.validate(validEnterprise())).isEmpty();
    }

    /** A class with a constraint outside the known ones, or a cascade into a constrained bean: no predicates, the validator decides. */
    static final class WithEmail {
        @Email
        private final String email;

        WithEmail(String email) {
            this.email = email;
        }

        public String getEmail() {
            return email;
        }
    }

    static final class Inner {
        @NotNull
        private String code;

        public String getCode() {
            return code;
        }
    }

    static final class WithNested {
        @Valid
        private final Inner inner = new Inner();
        @Size(max = 2)
        private final String tag = "ok";

        public Inner getInner() {
            return inner;
        }

        public String getTag() {
            return tag;
        }
    }

    /** Constrained on the field with no getter: the validator reads what the predicates cannot. */
    static final class FieldOnly {
        @NotNull
        @SuppressWarnings("unused")
        private String hidden;
    }

    /** Constrained on the field, read through a getter that does not return it: the validator reads the field. */
    static final class FieldAndGetter {
        @Size(max = 2)
        private final String tag = "too long";

        public String getTag() {
            return "ok";
        }
    }

    /** A constraint on a type it does not apply to: the validator's to refuse, even for null. */
    static final class PatternOnNumber {
        @jakarta.validation.constraints.Pattern(regexp = "\\d+")
        public Integer getCount() {
            return null;
        }
    }

    /** A cascade into a concrete list: the validator validates its elements. */
    static final class WithList {
        private final java.util.ArrayList<Inner> items = new java.util.ArrayList<>(List.of(new Inner()));

        @Valid
        public java.util.ArrayList<Inner> getItems() {
            return items;
        }
    }

    @Test
    void aClassWithAnythingElseHasNoPredicatesAndEachRowGoesToTheValidator() {
        RowValidator rows = new RowValidator(VALIDATOR);
        assertThat(rows.hasPredicates(WithEmail.class)).isFalse();
        assertThat(rows.validate(new WithEmail("not an address"))).hasSize(1);
        assertThat(rows.validate(new WithEmail("a@example.com"))).isEmpty();
        assertThat(rows.hasPredicates(WithNested.class)).isFalse();
        assertThat(rows.validate(new WithNested())).extracting(v -> v.getPropertyPath().toString()).containsExactly("inner.code");
        assertThat(rows.hasPredicates(FieldOnly.class)).isFalse();
        assertThat(rows.validate(new FieldOnly())).hasSize(1);
        assertThat(rows.hasPredicates(FieldAndGetter.class)).isFalse();
        assertThat(rows.validate(new FieldAndGetter())).extracting(v -> v.getPropertyPath().toString()).containsExactly("tag");
        assertThat(rows.hasPredicates(PatternOnNumber.class)).isFalse();
        assertThat(rows.hasPredicates(WithList.class)).isFalse();
        assertThat(rows.validate(new WithList())).extracting(v -> v.getPropertyPath().toString()).containsExactly("items[0].code");
    }

    private static <T> void agreesOneValueAtATime(Class<T> type, Supplier<T> valid, Map<String, List<Object>> values) throws Exception {
        Predicate<Object> predicates = RowValidator.compile(VALIDATOR, type).orElseThrow();
        T base = valid.get();
        assertThat(VALIDATOR.validate(base)).as("the base object is valid").isEmpty();
        assertThat(predicates.test(base)).isTrue();
        int passing = 0;
        int failing = 0;
        for (Map.Entry<String, List<Object>> property : values.entrySet()) {
            for (Object value : property.getValue()) {
                T object = valid.get();
                set(object, property.getKey(), value);
                boolean valid0 = VALIDATOR.validate(object).isEmpty();
                assertThat(predicates.test(object)).as("%s = %s: the validator says %s", property.getKey(), shown(value), valid0 ? "valid" : "invalid")
                        .isEqualTo(valid0);
                if (valid0) {
                    passing++;
                } else {
                    failing++;
                }
            }
        }
        // Not vacuous: both verdicts occur, and every constrained property was varied.
        assertThat(passing).isGreaterThan(10);
        assertThat(failing).isGreaterThan(10);
        assertThat(values.keySet()).containsAll(VALIDATOR.getConstraintsForClass(type).getConstrainedProperties().stream()
                .map(p -> p.getPropertyName()).toList());
    }

    private static <T> void agreesOnRandomMixes(Class<T> type, Supplier<T> valid, Map<String, List<Object>> values, long seed) throws Exception {
        Predicate<Object> predicates = RowValidator.compile(VALIDATOR, type).orElseThrow();
        Random random = new Random(seed);
        List<String> properties = new ArrayList<>(values.keySet());
        int passing = 0;
        for (int i = 0; i < 2_000; i++) {
            T object = valid.get();
            StringBuilder shown = new StringBuilder();
            for (String property : properties) {
                if (random.nextInt(3) == 0) {
                    List<Object> choices = values.get(property);
                    Object value = choices.get(random.nextInt(choices.size()));
                    set(object, property, value);
                    shown.append(property).append('=').append(shown(value)).append(' ');
                }
            }
            boolean valid0 = VALIDATOR.validate(object).isEmpty();
            assertThat(predicates.test(object)).as("%s: the validator says %s", shown, valid0 ? "valid" : "invalid").isEqualTo(valid0);
            passing += valid0 ? 1 : 0;
        }
        assertThat(passing).isBetween(1, 1_999);
    }

    private static void set(Object object, String property, Object value) throws Exception {
        String setter = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method m : object.getClass().getMethods()) {
            if (m.getName().equals(setter) && m.getParameterCount() == 1) {
                m.invoke(object, value);
                return;
            }
        }
        throw new IllegalArgumentException("no setter " + setter + " on " + object.getClass().getSimpleName());
    }

    private static String shown(Object value) {
        return value instanceof String s && s.length() > 12 ? s.substring(0, 6) + "…(" + s.length() + " chars)" : String.valueOf(value);
    }
}
