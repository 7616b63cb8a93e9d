package cn.shuangkong.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * <p>Reasons are taken from the rules that fired, through an agenda listener: each rule declares
 * {@code @clause("…")} and {@code @message("…")} metadata, and {@code {$x}} in the message is replaced
 * by the value bound to {@code $x} in that match.
 */
public final class RuleSet {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\$\\w+)}");
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

    private static Reason reasonOf(Match match) {
        Rule rule = match.getRule();
        Map<String, Object> meta = rule.getMetaData();
        String template = String.valueOf(meta.getOrDefault("message", rule.getName()));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder message = new StringBuilder();
        while (m.find()) {
            Object value = match.getDeclarationIds().contains(m.group(1)) ? match.getDeclarationValue(m.group(1)) : m.group();
            m.appendReplacement(message, Matcher.quoteReplacement(display(value)));
        }
        m.appendTail(message);
        return new Reason(rule.getName(), message.toString(), String.valueOf(meta.getOrDefault("clause", Reason.DEFAULT_POLICY)));
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
