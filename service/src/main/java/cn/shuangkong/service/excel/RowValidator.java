package cn.shuangkong.service.excel;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;

/**
 * Bean validation of a sheet's rows, each row's object checked against the contract's constraints (the annotations the
 * OpenAPI generator put on the API's input classes), with the validator's own violations and messages. An import checks
 * 100,000 rows where the API checks one body, and Hibernate Validator's per-call machinery (contexts, property paths,
 * cascading into every {@code @Valid} {@code BigDecimal} and enum) was half of what the registry import allocated and a
 * third of its parsing thread's time. So a row is first checked by plain predicates read once per class from the
 * validator's own metadata ({@link Validator#getConstraintsForClass}); only a row they do not pass goes to the
 * validator, whose violations are the answer. A row that passes had none to give: the predicates are the built-in
 * constraints as the Jakarta Validation specification defines them and Hibernate Validator implements them, and
 * {@code RowValidatorTest} holds them to the validator's verdict at every boundary of every input class that has them.
 *
 * <p>A class with anything else (a class-level constraint, a constraint outside {@link NotNull}, {@link Size},
 * {@link jakarta.validation.constraints.Pattern}, {@link DecimalMin}, {@link DecimalMax}, {@link Min} and {@link Max}, a
 * group other than the default, a constraint on a container's elements or on a type it does not apply to, a constrained
 * field, a cascade into a constrained bean or into a container) has no predicates: each of its rows goes to the
 * validator, as before.
 */
@Component
public class RowValidator {

    private final Validator validator;
    private final ClassValue<Optional<Predicate<Object>>> checks = new ClassValue<>() {
        @Override
        protected Optional<Predicate<Object>> computeValue(Class<?> type) {
            return compile(validator, type);
        }
    };

    public RowValidator(Validator validator) {
        this.validator = validator;
    }

    /** The validator's violations of {@code bean}: none, without asking it, when the contract's predicates pass. */
    public <T> Set<ConstraintViolation<T>> validate(T bean) {
        Optional<Predicate<Object>> check = checks.get(bean.getClass());
        if (check.isPresent() && check.get().test(bean)) {
            return Set.of();
        }
        return validator.validate(bean);
    }

    /** Whether rows of {@code type} are checked by predicates first. */
    public boolean hasPredicates(Class<?> type) {
        return checks.get(type).isPresent();
    }

    /** The predicates of {@code type}'s constraints, all of which a valid object passes; empty where one is not understood. */
    static Optional<Predicate<Object>> compile(Validator validator, Class<?> type) {
        BeanDescriptor bean = validator.getConstraintsForClass(type);
        if (!bean.getConstraintDescriptors().isEmpty()) {
            return Optional.empty();
        }
        List<Predicate<Object>> all = new ArrayList<>();
        for (PropertyDescriptor property : bean.getConstrainedProperties()) {
            if (!property.getConstrainedContainerElementTypes().isEmpty()) {
                return Optional.empty();
            }
            Optional<Method> getter = getter(type, property.getPropertyName(), property.getElementClass());
            if (getter.isEmpty() || constrainedField(type, property.getPropertyName())) {
                // The validator reads a constrained field itself, which a getter need not return as it is.
                return Optional.empty();
            }
            List<Predicate<Object>> tests = new ArrayList<>();
            if (property.isCascaded()) {
                Class<?> declared = property.getElementClass();
                if (validator.getConstraintsForClass(declared).isBeanConstrained() || Iterable.class.isAssignableFrom(declared)
                        || Map.class.isAssignableFrom(declared) || Optional.class == declared || declared.isArray()) {
                    return Optional.empty(); // a constrained bean, or a container the validator cascades into the elements of
                }
                // The validator cascades into the value's own class: only the declared, unconstrained one is known to hold nothing.
                tests.add(v -> v == null || v.getClass() == declared || v instanceof Enum<?> e && e.getDeclaringClass() == declared);
            }
            for (ConstraintDescriptor<?> constraint : property.getConstraintDescriptors()) {
                Optional<Predicate<Object>> test = predicate(constraint, property.getElementClass());
                if (test.isEmpty()) {
                    return Optional.empty();
                }
                tests.add(test.get());
            }
            // A method handle, not Method.invoke: called for every property of every row, it needs no argument array.
            MethodHandle read;
            try {
                read = MethodHandles.publicLookup().unreflect(getter.get()).asType(MethodType.methodType(Object.class, Object.class));
            } catch (IllegalAccessException e) {
                return Optional.empty();
            }
            all.add(object -> {
                Object value;
                try {
                    value = (Object) read.invokeExact(object);
                } catch (Error e) {
                    throw e;
                } catch (Throwable e) {
                    return false; // the validator will say what it makes of it
                }
                for (Predicate<Object> test : tests) {
                    if (!test.test(value)) {
                        return false;
                    }
                }
                return true;
            });
        }
        Predicate<Object>[] tests = all.toArray(Predicate[]::new);
        return Optional.of(object -> {
            for (Predicate<Object> test : tests) {
                if (!test.test(object)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static Optional<Method> getter(Class<?> type, String property, Class<?> elementClass) {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String name : List.of("get" + suffix, "is" + suffix)) {
            try {
                Method method = type.getMethod(name);
                if (!Modifier.isStatic(method.getModifiers()) && method.getReturnType() == elementClass) {
                    return Optional.of(method);
                }
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** Whether {@code type} or a superclass has a field {@code name} with a constraint or {@code @Valid} on it. */
    private static boolean constrainedField(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name) && java.util.Arrays.stream(field.getAnnotations())
                        .anyMatch(a -> a instanceof jakarta.validation.Valid || a.annotationType().isAnnotationPresent(jakarta.validation.Constraint.class))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * One built-in constraint as a predicate of a value of the property's type; empty for anything else, and for a
     * type the constraint does not apply to (the validator refuses that even for null).
     */
    private static Optional<Predicate<Object>> predicate(ConstraintDescriptor<?> constraint, Class<?> type) {
        if (!constraint.getComposingConstraints().isEmpty() || !constraint.getGroups().equals(Set.of(Default.class))) {
            return Optional.empty();
        }
        Annotation a = constraint.getAnnotation();
        boolean text = CharSequence.class.isAssignableFrom(type);
        boolean exact = List.of(BigDecimal.class, BigInteger.class, Integer.class, Long.class, Short.class, Byte.class,
                int.class, long.class, short.class, byte.class).contains(type);
        if (a instanceof NotNull) {
            return Optional.of(v -> v != null);
        }
        if (a instanceof Size && !(text || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type))
                || a instanceof jakarta.validation.constraints.Pattern && !text
                || (a instanceof DecimalMin || a instanceof DecimalMax || a instanceof Min || a instanceof Max) && !exact) {
            return Optional.empty();
        }
        if (a instanceof Size size) {
            int min = size.min();
            int max = size.max();
            return Optional.of(v -> {
                int length;
                if (v == null) {
                    return true;
                } else if (v instanceof CharSequence s) {
                    length = s.length();
                } else if (v instanceof Collection<?> c) {
                    length = c.size();
                } else if (v instanceof Map<?, ?> m) {
                    length = m.size();
                } else {
                    return false;
                }
                return length >= min && length <= max;
            });
        }
        if (a instanceof jakarta.validation.constraints.Pattern p) {
            int flags = 0;
            for (jakarta.validation.constraints.Pattern.Flag flag : p.flags()) {
                flags |= flag.getValue();
            }
            Pattern pattern = Pattern.compile(p.regexp(), flags);
            // A matcher per thread, reset for each value (a new matcher allocates its arrays every time), and reset to
            // nothing after it, so that a pooled thread keeps no cell's text.
            ThreadLocal<java.util.regex.Matcher> matcher = ThreadLocal.withInitial(() -> pattern.matcher(""));
            return Optional.of(v -> v == null || v instanceof CharSequence s && matches(matcher.get(), s));
        }
        if (a instanceof DecimalMin d) {
            return Optional.of(bounded(new BigDecimal(d.value()), d.inclusive() ? c -> c >= 0 : c -> c > 0));
        }
        if (a instanceof DecimalMax d) {
            return Optional.of(bounded(new BigDecimal(d.value()), d.inclusive() ? c -> c <= 0 : c -> c < 0));
        }
        if (a instanceof Min m) {
            return Optional.of(bounded(BigDecimal.valueOf(m.value()), c -> c >= 0));
        }
        if (a instanceof Max m) {
            return Optional.of(bounded(BigDecimal.valueOf(m.value()), c -> c <= 0));
        }
        return Optional.empty();
    }

    /** Null, or an exact number whose comparison with {@code bound} is accepted. */
    private static Predicate<Object> bounded(BigDecimal bound, IntPredicate accepted) {
        return v -> {
            if (v == null) {
                return true;
            }
            BigDecimal x = decimal(v);
            return x != null && accepted.test(x.compareTo(bound));
        };
    }

    /** An exact number as a decimal; null for anything else (a double's rounding is the validator's to judge). */
    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        return null;
    }

    private static boolean matches(java.util.regex.Matcher matcher, CharSequence value) {
        boolean matches = matcher.reset(value).matches();
        matcher.reset("");
        return matches;
    }
}
