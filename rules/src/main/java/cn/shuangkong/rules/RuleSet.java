package cn.shuangkong.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.Match;

/**
 * One compiled rule set (a {@code kbase} of {@code META-INF/kmodule.xml}), built once and shared by
 * all threads; every evaluation runs in its own stateless session.
 *
 * <p>Reasons are taken from the rules that fired, through an agenda listener: each rule (a DRL rule or a
 * row of a decision table) declares {@code @clause("…")} and {@code @message("…")} metadata, in which
 * {@code {$x}} stands for the value bound to {@code $x} in that match and {@code {$x.name}} for its property.
 */
public final class RuleSet {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\$\\w+)(?:\\.(\\w+))?}");
    private static final KieContainer CONTAINER = KieServices.Factory.get().getKieClasspathContainer(RuleSet.class.getClassLoader());

    private final String name;
    private final KieBase kieBase;
    private final String version;

    private RuleSet(String name, List<String> resources) {
        this.name = name;
        this.kieBase = CONTAINER.getKieBase(name);
        this.version = contentHash(resources);
    }

    /**
     * Loads the kbase {@code name}; {@code resources} are the classpath files (rules and tables) whose
     * content makes up its version.
     */
    public static RuleSet load(String name, List<String> resources) {
        return new RuleSet(name, resources);
    }

    public String name() {
        return name;
    }

    /** The SHA-256 of the rule files, so that a stored grade names exactly what produced it. */
    public String version() {
        return version;
    }

    /** Runs the rules over the facts and returns the reasons of every rule that fired, in firing order. */
    public List<Reason> evaluate(Object... facts) {
        List<Reason> reasons = new ArrayList<>();
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                reasons.add(reasonOf(event.getMatch()));
            }
        });
        session.execute(List.of(facts));
        return List.copyOf(reasons);
    }

    /**
     * Runs the rules once over a batch of subjects and their facts (one stateless session for the whole
     * batch) and returns each subject's reasons, in firing order. A reason belongs to the subject of
     * {@code subjectType} that its rule matched; the rules must relate every other fact to its subject.
     */
    public <S> Map<S, List<Reason>> evaluateBatch(Class<S> subjectType, List<?> facts) {
        Map<S, List<Reason>> reasons = new IdentityHashMap<>();
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                Match match = event.getMatch();
                match.getObjects().stream().filter(subjectType::isInstance).findFirst()
                        .ifPresent(subject -> reasons.computeIfAbsent(subjectType.cast(subject), k -> new ArrayList<>()).add(reasonOf(match)));
            }
        });
        session.execute(facts);
        return reasons;
    }

    private static Reason reasonOf(Match match) {
        Rule rule = match.getRule();
        Map<String, Object> meta = rule.getMetaData();
        String message = fill(String.valueOf(meta.getOrDefault("message", rule.getName())), match);
        String clause = fill(String.valueOf(meta.getOrDefault("clause", Reason.DEFAULT_POLICY)), match);
        return new Reason(rule.getName(), message, clause);
    }

    /** Replaces {@code {$x}} by the value bound to {@code $x}, and {@code {$x.name}} by that value's {@code getName()}. */
    private static String fill(String template, Match match) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String declaration = m.group(1);
            Object value = match.getDeclarationIds().contains(declaration) ? match.getDeclarationValue(declaration) : null;
            String text = value == null ? m.group() : display(m.group(2) == null ? value : property(value, m.group(2)));
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Object property(Object bean, String name) {
        try {
            return bean.getClass().getMethod("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1)).invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("A rule's reason names the missing property " + name + " of " + bean.getClass().getSimpleName(), e);
        }
    }

    private static String display(Object value) {
        return value instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value);
    }

    private static String contentHash(List<String> resources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String resource : resources) {
                try (InputStream in = RuleSet.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("Rule resource not found: " + resource);
                    }
                    digest.update(resource.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
