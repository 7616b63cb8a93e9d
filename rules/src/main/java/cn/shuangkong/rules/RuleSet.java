package cn.shuangkong.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
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

    /** The getter of a property a reason names, looked up once per class and name (a reason is filled per rule fired). */
    private static final ClassValue<Map<String, Method>> GETTERS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** Each template of the reasons (rule metadata; a few hundred across the versions of a rule set), cut once. */
    private static final Map<String, List<Part>> TEMPLATES = new ConcurrentHashMap<>();

    private static final KieContainer CONTAINER = KieServices.Factory.get().getKieClasspathContainer(RuleSet.class.getClassLoader());

    private final String name;
    private final KieBase kieBase;
    private final String version;

    private RuleSet(String name, KieBase kieBase, String version) {
        this.name = name;
        this.kieBase = kieBase;
        this.version = version;
    }

    /**
     * Loads the kbase {@code name}; {@code resources} are the classpath files (rules and tables) whose
     * content makes up its version.
     */
    public static RuleSet load(String name, List<String> resources) {
        Map<String, byte[]> content = new LinkedHashMap<>();
        for (String resource : resources) {
            content.put(resource, read(resource));
        }
        return new RuleSet(name, CONTAINER.getKieBase(name), contentHash(content));
    }

    /**
     * Compiles a rule set from its files (path → content, in a fixed order): the way to build a rule set whose
     * editable table is not the one on the classpath (an uploaded candidate, or a version kept in the database).
     * The version is computed as {@link #load} computes it, so the same files give the same version either way.
     *
     * @throws RuleSetCompilationException with Drools' messages when a file does not compile
     */
    public static RuleSet compile(String name, Map<String, byte[]> files) {
        String version = contentHash(files);
        KieServices services = KieServices.Factory.get();
        KieFileSystem fileSystem = services.newKieFileSystem();
        ReleaseId releaseId = services.newReleaseId("cn.shuangkong.rules", name, "1.0.0-" + version);
        fileSystem.generateAndWritePomXML(releaseId);
        // Each build's files under names of their own: at a path the classpath also has, Drools reads the classpath's
        // file (the built-in table) instead of the bytes given here, once a classpath container exists.
        files.forEach((path, bytes) -> fileSystem.write("src/main/resources/" + versioned(path, version), bytes));
        KieBuilder builder = services.newKieBuilder(fileSystem).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            services.getRepository().removeKieModule(releaseId);
            throw new RuleSetCompilationException(errors.stream().map(Message::getText).toList());
        }
        KieBase kieBase = services.newKieContainer(releaseId).getKieBase();
        // The compiled base is all this rule set needs; the repository would otherwise keep every candidate ever tried.
        services.getRepository().removeKieModule(releaseId);
        return new RuleSet(name, kieBase, version);
    }

    /** {@code a/b/name.drl.xlsx} as {@code a/b/name-<version prefix>.drl.xlsx}: same folder (the package), another name. */
    private static String versioned(String path, String version) {
        int slash = path.lastIndexOf('/');
        int dot = path.indexOf('.', slash + 1);
        String suffix = "-" + version.substring(0, 16);
        return dot < 0 ? path + suffix : path.substring(0, dot) + suffix + path.substring(dot);
    }

    /** The bytes of a classpath resource. */
    public static byte[] read(String resource) {
        try (InputStream in = RuleSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Rule resource not found: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        evaluateMatches(fact -> subjectType.isInstance(fact) ? subjectType.cast(fact) : null, facts)
                .forEach((subject, fired) -> reasons.put(subject, fired.stream().map(Fired::reason).toList()));
        return reasons;
    }

    /**
     * Runs the rules once over a batch and returns, per subject, every rule that fired with the facts it matched,
     * in firing order. {@code subjectOf} names the subject a matched fact belongs to (or {@code null} when the fact
     * says nothing about it); a match belongs to the subject of its first fact that names one.
     */
    public <S> Map<S, List<Fired>> evaluateMatches(Function<Object, S> subjectOf, List<?> facts) {
        Map<S, List<Fired>> fired = new IdentityHashMap<>();
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                Match match = event.getMatch();
                List<? extends Object> objects = match.getObjects();
                for (Object object : objects) { // a loop, not a stream: this runs for every rule fired
                    S subject = subjectOf.apply(object);
                    if (subject != null) {
                        fired.computeIfAbsent(subject, k -> new ArrayList<>()).add(new Fired(reasonOf(match), List.copyOf(objects)));
                        return;
                    }
                }
            }
        });
        session.execute(facts);
        return fired;
    }

    /** A rule that fired: why, and the facts it matched. */
    public record Fired(Reason reason, List<Object> facts) {
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
        if (template.indexOf('{') < 0) {
            return template; // most clauses ("默认策略", a standard's article) name no value
        }
        List<String> declarations = match.getDeclarationIds();
        StringBuilder out = new StringBuilder(template.length() + 16);
        for (Part part : TEMPLATES.computeIfAbsent(template, RuleSet::parts)) {
            Object value = part.declaration() != null && declarations.contains(part.declaration())
                    ? match.getDeclarationValue(part.declaration()) : null;
            out.append(value == null ? part.text() : display(part.property() == null ? value : property(value, part.property())));
        }
        return out.toString();
    }

    /** A piece of a reason's template: plain text, or a placeholder ({@code text} is then the placeholder as written). */
    private record Part(String text, String declaration, String property) {
    }

    /** A template cut into its text and its placeholders, once (a reason is filled per rule fired). */
    private static List<Part> parts(String template) {
        List<Part> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int end = 0;
        while (m.find()) {
            if (m.start() > end) {
                parts.add(new Part(template.substring(end, m.start()), null, null));
            }
            parts.add(new Part(m.group(), m.group(1), m.group(2)));
            end = m.end();
        }
        if (end < template.length()) {
            parts.add(new Part(template.substring(end), null, null));
        }
        return List.copyOf(parts);
    }

    private static Object property(Object bean, String name) {
        try {
            return GETTERS.get(bean.getClass()).computeIfAbsent(name, n -> getter(bean.getClass(), n)).invoke(bean);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalStateException("A rule's reason names the missing property " + name + " of " + bean.getClass().getSimpleName(), e);
        }
    }

    private static Method getter(Class<?> type, String name) {
        try {
            return type.getMethod("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String display(Object value) {
        return value instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value);
    }

    /** SHA-256 over each file's path and content, in order. */
    private static String contentHash(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((path, bytes) -> {
                digest.update(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(bytes);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
