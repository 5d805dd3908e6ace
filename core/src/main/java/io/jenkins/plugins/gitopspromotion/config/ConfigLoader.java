package io.jenkins.plugins.gitopspromotion.config;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import io.jenkins.plugins.gitopspromotion.update.UpdateKind;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import io.jenkins.plugins.gitopspromotion.yaml.YamlPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a config repository's promotion config: {@code .gitops/promotion.yaml} when present, else the layout
 * found by {@link ConventionDiscovery}.
 *
 * <p>The file is mapped by hand rather than data-bound so that every error names the file, the line and the
 * config key ({@code .gitops/promotion.yaml:7: environments[1].requires: ...}), and so that unknown keys are
 * refused instead of silently ignored: a misspelt {@code requires} must not quietly drop a safety rule.
 */
public final class ConfigLoader {

    /** Where the config file is, from the repository root. */
    public static final String CONFIG_PATH = ".gitops/promotion.yaml";

    private static final Pattern BRACE_TEMPLATE = Pattern.compile(":\\s*\\{(app|env)\\}");

    private static final String MISSPELT_PATH = ".gitops/promotion.yml";

    private static final String CONFIG_FOLDER = ".gitops";

    private static final Map<RepoTree.Entry, String> ENTRY_NAMES = Map.of(RepoTree.Entry.FILE, "a regular file",
            RepoTree.Entry.FOLDER, "a folder", RepoTree.Entry.SYMBOLIC_LINK, "a symbolic link", RepoTree.Entry.SUBMODULE,
            "a submodule", RepoTree.Entry.OTHER, "neither a file nor a folder");

    private static final List<String> ROOT_KEYS = List.of("environments", "apps");
    private static final List<String> ENVIRONMENT_KEYS =
            List.of("name", "path", "mode", "requires", "reviewers", "labels", "autoMerge", "pinDigest",
                    "allowPlaintextSecrets", "deployments", "staleAfter", "gates");

    private static final List<String> GATE_KEYS = List.of("freeze", "soak", "checks");
    private static final List<String> ONCE_KEYS = List.of("from", "to", "timezone");
    private static final List<String> RECURRING_KEYS = List.of("cron", "duration", "timezone");

    private static final List<String> APP_KEYS =
            List.of("name", "image", "otherNames", "update", "path", "file", "tagPath", "digestPath", "policy");

    private ConfigLoader() {
    }

    /**
     * Reads the promotion config of a repository.
     *
     * @throws ConfigException if the config file is invalid, or, without one, if the layout cannot be
     *     discovered unambiguously (the message lists what was found and what is ambiguous)
     * @throws IOException if the tree cannot be read
     */
    public static PromotionConfig load(RepoTree tree) throws IOException {
        if (declared(tree)) {
            return parse(CONFIG_PATH, read(tree));
        }
        if (tree.read(MISSPELT_PATH).isPresent()) {
            // Falling back to discovery would silently ignore everything the user declared.
            throw new ConfigException(MISSPELT_PATH, 0, null, "the promotion config must be named " + CONFIG_PATH
                    + "; rename the file");
        }
        DiscoveryReport report = ConventionDiscovery.discover(tree);
        return report.config().orElseThrow(() -> new ConfigException(null, 0, null, "no " + CONFIG_PATH + " in "
                + tree.describe() + (report.ambiguities().isEmpty()
                        ? " and no known layout was found; declare environments and apps in " + CONFIG_PATH
                        : " and the layout is ambiguous; declare environments and apps in " + CONFIG_PATH)
                + System.lineSeparator() + report.render()));
    }

    /**
     * The config file's bytes, its size checked against the YAML limit before it is read.
     *
     * @throws ConfigException if it is larger, or missing
     * @throws IOException if the tree cannot be read
     */
    public static byte[] read(RepoTree tree) throws IOException {
        try {
            return tree.read(CONFIG_PATH, YamlLimits.DEFAULT.maxBytes()).orElseThrow(() -> new ConfigException(CONFIG_PATH, 0,
                    null, "missing in " + tree.describe()));
        } catch (FileTooLargeException e) {
            throw new ConfigException(CONFIG_PATH, 0, null, e.problem() + " for a YAML file", e);
        }
    }

    /**
     * Whether the repository declares its config in {@link #CONFIG_PATH}, rather than leaving it to discovery.
     *
     * @throws ConfigException if something other than a folder and a regular file is where the config would be
     * @throws IOException if the tree cannot be read
     */
    public static boolean declared(RepoTree tree) throws IOException {
        requireEntry(tree, CONFIG_FOLDER, RepoTree.Entry.FOLDER);
        requireEntry(tree, CONFIG_PATH, RepoTree.Entry.FILE);
        requireEntry(tree, MISSPELT_PATH, RepoTree.Entry.FILE);
        return tree.entry(CONFIG_PATH) == RepoTree.Entry.FILE;
    }

    /**
     * Refuses anything at a config path but what belongs there: a link, a submodule or a folder where the file should
     * be would read as no config at all, and discovery would then drop every {@code requires} and {@code pinDigest}.
     */
    private static void requireEntry(RepoTree tree, String path, RepoTree.Entry expected) throws IOException {
        RepoTree.Entry entry = tree.entry(path);
        if (entry != RepoTree.Entry.NONE && entry != expected) {
            throw new ConfigException(path, 0, null, "is " + ENTRY_NAMES.get(entry) + " in " + tree.describe() + "; it must be "
                    + ENTRY_NAMES.get(expected) + ", or the promotion config would be ignored (replace it with the "
                    + (expected == RepoTree.Entry.FILE ? "file itself" : "folder holding promotion.yaml") + ")");
        }
    }

    /**
     * Parses a promotion config file.
     *
     * @param path the file's path in the repository, for messages
     * @param bytes the file's content
     * @throws ConfigException naming file, line and key of the first problem
     */
    public static PromotionConfig parse(String path, byte[] bytes) {
        return parseIndexed(path, bytes).config();
    }

    /**
     * A parsed config, with the index of where each app is written when the file allows one.
     *
     * @param config the config
     * @param index where each app is written
     */
    public record Indexed(PromotionConfig config, Optional<ConfigIndex> index) {
    }

    /**
     * Parses a promotion config file and indexes it (see {@link ConfigIndex}).
     *
     * @throws ConfigException naming file, line and key of the first problem
     */
    public static Indexed parseIndexed(String path, byte[] bytes) {
        YamlFile file;
        try {
            file = YamlFile.parse(path, bytes, YamlLimits.DEFAULT);
        } catch (YamlEditException e) {
            throw new ConfigException(path, e.line(), null, e.problem() + braceHint(bytes, e.line()), e);
        }
        Mapper mapper = new Mapper(path, file);
        PromotionConfig config = mapper.config();
        return new Indexed(config, mapper.appsSequence == null ? Optional.empty()
                : ConfigIndex.of(file.source().text(), config.apps(),
                        mapper.appsSequence.getValue().stream().map(file::start).toList(), contentEnd(file, mapper.appsSequence)));
    }

    /**
     * Where a node's last scalar ends: a block collection's own end mark lies at the next token, which may be the
     * next top-level key.
     */
    private static int contentEnd(YamlFile file, Node node) {
        if (node instanceof MappingNode mapping && !mapping.getValue().isEmpty()) {
            return contentEnd(file, mapping.getValue().get(mapping.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode sequence && !sequence.getValue().isEmpty()) {
            return contentEnd(file, sequence.getValue().get(sequence.getValue().size() - 1));
        }
        return file.end(node);
    }

    /**
     * {@code path: {env}/{app}} reads as a YAML flow mapping and fails with a parser message that does not say
     * why; the fix (quotes) is easy once named.
     */
    private static String braceHint(byte[] bytes, int line) {
        if (line < 1) {
            return "";
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R", -1);
        for (int i = Math.max(0, line - 2); i < Math.min(lines.length, line); i++) {
            if (BRACE_TEMPLATE.matcher(lines[i]).find()) {
                return " (a path template starting with '{' must be quoted, e.g. path: \"{env}/{app}\")";
            }
        }
        return "";
    }

    /** Maps one parsed file onto the model, failing at the first problem. */
    private static final class Mapper {
        private final String path;
        private final YamlFile file;
        /** Where each name and path was written, for errors found after the whole list is read. */
        private final Map<String, Node> requiresNodes = new HashMap<>();
        private final Map<String, Node> envPathNodes = new HashMap<>();
        private final Map<String, String> envKeys = new HashMap<>();
        /** The list of apps, once read: for the index. */
        private SequenceNode appsSequence;

        Mapper(String path, YamlFile file) {
            this.path = path;
            this.file = file;
        }

        PromotionConfig config() {
            List<Node> documents = file.documents();
            if (documents.size() > 1) {
                throw fail(documents.get(1), null, "more than one YAML document; the promotion config is one document");
            }
            Node root = documents.isEmpty() ? null : documents.get(0);
            if (root == null || isNull(root)) {
                throw new ConfigException(path, root == null ? 0 : file.line(root), "environments",
                        "missing: the file is empty; list the environments in promotion order");
            }
            if (!(root instanceof MappingNode mapping)) {
                throw fail(root, null, "must be a mapping with the keys " + String.join(", ", ROOT_KEYS) + ", not "
                        + describe(root));
            }
            Map<String, NodeTuple> entries = entries(mapping, null, ROOT_KEYS);
            List<Environment> environments = environments(mapping, entries.get("environments"));
            List<App> apps = apps(entries.get("apps"), environments);
            return new PromotionConfig(path, environments, apps);
        }

        // ---- environments

        private List<Environment> environments(MappingNode root, NodeTuple entry) {
            String key = "environments";
            if (entry == null) {
                throw fail(root, key, "missing: list the environments in promotion order (name, path, mode, ...)");
            }
            Node value = entry.getValueNode();
            if (isNull(value) || value instanceof SequenceNode s && s.getValue().isEmpty()) {
                throw fail(isNull(value) ? entry.getKeyNode() : value, key, "must list at least one environment");
            }
            if (!(value instanceof SequenceNode sequence)) {
                throw fail(value, key, "must be a list of environments, not " + describe(value));
            }
            List<Environment> environments = new ArrayList<>();
            Map<String, Node> names = new LinkedHashMap<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                environments.add(environment(sequence.getValue().get(i), key + "[" + i + "]", names));
            }
            checkRequires(environments);
            return environments;
        }

        private Environment environment(Node item, String key, Map<String, Node> names) {
            if (!(item instanceof MappingNode mapping)) {
                throw fail(item, key, "must be a mapping (name, path, mode, ...), not " + describe(item));
            }
            Map<String, NodeTuple> entries = entries(mapping, key, ENVIRONMENT_KEYS);
            String name = name(mapping, entries, key, "environment", names);
            Optional<PathTemplate> path = optional(entries, "path").map(n -> {
                envPathNodes.put(name, n);
                return template(n, key + ".path");
            });
            PromotionMode mode = optional(entries, "mode").map(n -> {
                String text = string(n, key + ".mode");
                return PromotionMode.fromConfigName(text).orElseThrow(() -> fail(n, key + ".mode",
                        "unknown mode " + Names.quote(text) + "; valid modes: " + PromotionMode.configNames()));
            }).orElse(Environment.DEFAULT_MODE);
            Optional<String> requires = optional(entries, "requires").map(n -> {
                requiresNodes.put(name, n);
                if (n instanceof SequenceNode) {
                    throw fail(n, key + ".requires", "must name one earlier environment, not a list");
                }
                return string(n, key + ".requires");
            });
            List<String> reviewers = optional(entries, "reviewers").map(n -> strings(n, key + ".reviewers"))
                    .orElse(List.of());
            List<String> labels = optional(entries, "labels").map(n -> strings(n, key + ".labels")).orElse(List.of());
            boolean autoMerge = flag(entries, key, "autoMerge");
            envKeys.put(name, key);
            List<DeploymentObject> deployments = optional(entries, "deployments")
                    .map(n -> deployments(n, key + ".deployments")).orElse(List.of());
            Duration staleAfter = optional(entries, "staleAfter").map(n -> duration(n, key + ".staleAfter"))
                    .orElse(Environment.DEFAULT_STALE_AFTER);
            Gates gates = optional(entries, "gates").map(n -> gates(n, key + ".gates")).orElse(Gates.NONE);
            if (gates.soak().isPresent() && requires.isEmpty() && names.size() == 1) {
                throw fail(entries.get("gates").getValueNode(), key + ".gates.soak", "environment " + name + " is the first:"
                        + " there is no environment before it for a version to soak in");
            }
            return new Environment(name, path, mode, requires, reviewers, labels, autoMerge, flag(entries, key, "pinDigest"),
                    flag(entries, key, "allowPlaintextSecrets"), deployments, staleAfter, gates);
        }

        /** {@code gates:}, a mapping of {@code freeze: [windows]}, {@code soak: DURATION} and {@code checks: [NAME…]}. */
        private Gates gates(Node node, String key) {
            if (!(node instanceof MappingNode mapping)) {
                throw fail(node, key, "must be a mapping (" + String.join(", ", GATE_KEYS) + "), not " + describe(node));
            }
            Map<String, NodeTuple> entries = entries(mapping, key, GATE_KEYS);
            List<FreezeWindow> freeze = optional(entries, "freeze").map(n -> list(n, key + ".freeze",
                    "windows ({from, to, timezone} or {cron, duration, timezone})", this::freezeWindow, false)).orElse(List.of());
            Optional<Duration> soak = optional(entries, "soak").map(n -> duration(n, key + ".soak"));
            List<String> checks = optional(entries, "checks").map(n -> list(n, key + ".checks",
                    "the names of commit statuses (e.g. [ci/build, lint])", this::string)).orElse(List.of());
            return new Gates(freeze, soak, checks);
        }

        /** One freeze window: {@code {from, to, timezone}} or {@code {cron, duration, timezone}}; UTC without a timezone. */
        private FreezeWindow freezeWindow(Node node, String key) {
            if (!(node instanceof MappingNode mapping)) {
                throw fail(node, key, "must be {from, to, timezone} or {cron, duration, timezone}, not " + describe(node));
            }
            boolean recurring = mapping.getValue().stream().anyMatch(t -> YamlFile.scalar(t.getKeyNode()).filter(k ->
                    k.equals("cron") || k.equals("duration")).isPresent());
            Map<String, NodeTuple> entries = entries(mapping, key, recurring ? RECURRING_KEYS : ONCE_KEYS);
            ZoneId zone = optional(entries, "timezone").map(n -> zone(n, key + ".timezone")).orElse(ZoneOffset.UTC);
            if (recurring) {
                Node cron = required(entries, mapping, key, "cron", "a cron expression such as '0 18 * * 5' (Fridays 18:00)");
                Node duration = required(entries, mapping, key, "duration", "how long each window lasts, such as 62h");
                Duration length = duration(duration, key + ".duration");
                try {
                    return new FreezeWindow.Recurring(string(cron, key + ".cron"), length, zone);
                } catch (IllegalArgumentException e) {
                    throw fail(cron, key + ".cron", "not a cron expression of five fields (minute hour day-of-month month"
                            + " day-of-week): " + e.getMessage());
                }
            }
            Node from = required(entries, mapping, key, "from", "where the window starts, such as 2026-12-20T00:00");
            Node to = required(entries, mapping, key, "to", "where the window ends, such as 2027-01-04T00:00");
            try {
                return new FreezeWindow.Once(localTime(from, key + ".from"), localTime(to, key + ".to"), zone);
            } catch (IllegalArgumentException e) {
                throw fail(to, key + ".to", e.getMessage());
            }
        }

        private Node required(Map<String, NodeTuple> entries, MappingNode mapping, String key, String name, String what) {
            return optional(entries, name).orElseThrow(() -> fail(mapping, key + "." + name, "missing: " + what));
        }

        private ZoneId zone(Node node, String key) {
            String text = string(node, key);
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw fail(node, key, "unknown time zone " + Names.quote(text) + "; use a region such as Europe/Berlin or"
                        + " America/New_York, or UTC");
            }
        }

        /** A local date and time ({@code 2026-12-20T18:00}), or a date alone for its start. */
        private LocalDateTime localTime(Node node, String key) {
            String text = string(node, key);
            try {
                return text.contains("T") ? LocalDateTime.parse(text) : LocalDate.parse(text).atStartOfDay();
            } catch (DateTimeParseException e) {
                throw fail(node, key, "must be a local date and time such as 2026-12-20T18:00, or a date such as 2026-12-20,"
                        + " in the window's timezone, not " + Names.quote(text));
            }
        }

        /** {@code deployments:}, a list of {@code {flux: {kustomization, namespace}}} and {@code {argocd: {application}}}. */
        private List<DeploymentObject> deployments(Node node, String key) {
            if (!(node instanceof SequenceNode sequence)) {
                throw fail(node, key, "must be a list of {flux: {kustomization: NAME, namespace: NS}} or"
                        + " {argocd: {application: NAME}}, not " + describe(node));
            }
            List<DeploymentObject> objects = new ArrayList<>();
            Map<DeploymentObject, Node> listed = new HashMap<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node item = sequence.getValue().get(i);
                DeploymentObject object = deployment(item, key + "[" + i + "]");
                Node first = listed.putIfAbsent(object, item);
                if (first != null) {
                    throw fail(item, key + "[" + i + "]", object + " is listed twice (first at line " + file.line(first) + ")");
                }
                objects.add(object);
            }
            return objects;
        }

        private DeploymentObject deployment(Node item, String key) {
            List<String> agents = List.of(DeploymentObject.Agent.values()).stream().map(DeploymentObject.Agent::configName)
                    .toList();
            if (!(item instanceof MappingNode mapping) || mapping.getValue().size() != 1) {
                throw fail(item, key, "must be a mapping with one key, " + String.join(" or ", agents) + ", not "
                        + describe(item));
            }
            Map<String, NodeTuple> entries = entries(mapping, key, agents);
            String agentName = entries.keySet().iterator().next();
            DeploymentObject.Agent agent = DeploymentObject.Agent.fromConfigName(agentName).orElseThrow();
            String at = key + "." + agentName;
            Node value = entries.get(agentName).getValueNode();
            if (!(value instanceof MappingNode object)) {
                throw fail(value, at, "must be a mapping (" + String.join(", ", agent.keys()) + "), not " + describe(value));
            }
            Map<String, NodeTuple> fields = entries(object, at, agent.keys());
            String nameKey = agent.keys().get(0);
            Node nameNode = optional(fields, nameKey).orElseThrow(() -> fail(object, at + "." + nameKey,
                    "missing: the " + agent.kind() + "'s name, e.g. apps (the whole environment) or {app}-prod (one per app)"));
            String name = string(nameNode, at + "." + nameKey);
            String nameProblem = DeploymentObject.nameProblem(name);
            if (nameProblem != null) {
                throw fail(nameNode, at + "." + nameKey, nameProblem);
            }
            Optional<Node> namespaceNode = optional(fields, "namespace");
            Optional<String> namespace = namespaceNode.map(n -> string(n, at + ".namespace"));
            String namespaceProblem = namespace.map(DeploymentObject::namespaceProblem).orElse(null);
            if (namespaceProblem != null) {
                throw fail(namespaceNode.get(), at + ".namespace", namespaceProblem);
            }
            return new DeploymentObject(agent, name, namespace);
        }

        private Duration duration(Node node, String key) {
            String text = string(node, key);
            if (text.matches("0+[hms]")) {
                throw fail(node, key, "must be longer than zero");
            }
            return DurationText.parse(text).orElseThrow(() -> fail(node, key, "must be a duration such as 30m, 2h or 1h30m, not "
                    + Names.quote(text)));
        }

        /** A {@code requires} must name an earlier environment, so that promotion has one direction. */
        private void checkRequires(List<Environment> environments) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < environments.size(); i++) {
                index.put(environments.get(i).name(), i);
            }
            String known = environments.stream().map(Environment::name).collect(Collectors.joining(", "));
            for (Environment e : environments) {
                if (e.requires().isPresent() && !index.containsKey(e.requires().get())) {
                    throw fail(requiresNodes.get(e.name()), envKeys.get(e.name()) + ".requires",
                            Names.quote(e.requires().get()) + " is not an environment; the environments are " + known);
                }
            }
            Map<String, String> requires = new HashMap<>();
            environments.forEach(e -> e.requires().ifPresent(r -> requires.put(e.name(), r)));
            for (Environment e : environments) {
                List<String> chain = new ArrayList<>(List.of(e.name()));
                String next = requires.get(e.name());
                while (next != null && !chain.contains(next)) {
                    chain.add(next);
                    next = requires.get(next);
                }
                if (next != null && next.equals(e.name())) {
                    chain.add(next);
                    String problem = chain.size() == 2
                            ? "environment " + e.name() + " cannot require itself (" + String.join(" -> ", chain) + ")"
                            : "requires form a cycle: " + String.join(" -> ", chain)
                                    + "; each environment must require an earlier one";
                    throw fail(requiresNodes.get(e.name()), envKeys.get(e.name()) + ".requires", problem);
                }
            }
            for (int i = 0; i < environments.size(); i++) {
                Environment e = environments.get(i);
                if (e.requires().isPresent() && index.get(e.requires().get()) > i) {
                    throw fail(requiresNodes.get(e.name()), envKeys.get(e.name()) + ".requires",
                            "environment " + e.requires().get() + " comes after " + e.name()
                                    + " in the promotion order; requires must name an earlier environment"
                                    + " (environments are listed in promotion order: " + known + ")");
                }
            }
        }

        // ---- apps

        private List<App> apps(NodeTuple entry, List<Environment> environments) {
            if (entry == null || isNull(entry.getValueNode())) {
                return List.of();
            }
            Node value = entry.getValueNode();
            if (!(value instanceof SequenceNode sequence)) {
                throw fail(value, "apps", "must be a list of apps, not " + describe(value));
            }
            appsSequence = sequence.getFlowStyle() == FlowStyle.BLOCK ? sequence : null;
            List<App> apps = new ArrayList<>();
            Map<String, Node> names = new LinkedHashMap<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                apps.add(app(sequence.getValue().get(i), "apps[" + i + "]", names, environments));
            }
            return apps;
        }

        private App app(Node item, String key, Map<String, Node> names, List<Environment> environments) {
            if (!(item instanceof MappingNode mapping)) {
                throw fail(item, key, "must be a mapping (name, image, ...), not " + describe(item));
            }
            Map<String, NodeTuple> entries = entries(mapping, key, APP_KEYS);
            String name = name(mapping, entries, key, "app", names);
            Node imageNode = optional(entries, "image").orElseThrow(() -> fail(mapping, key + ".image",
                    "missing: every app needs its image's name, e.g. ghcr.io/acme/" + name));
            ImageReference image = imageName(imageNode, key + ".image");
            List<ImageReference> otherNames = optional(entries, "otherNames")
                    .map(n -> list(n, key + ".otherNames", "image names (e.g. [registry.example.com/acme/web])",
                            this::imageName))
                    .orElse(List.of());
            checkOtherNames(image, otherNames, optional(entries, "otherNames"), key);
            UpdateKind update = optional(entries, "update").map(n -> {
                String text = string(n, key + ".update");
                return UpdateKind.fromConfigName(text).orElseThrow(() -> fail(n, key + ".update",
                        "unknown update kind " + Names.quote(text) + "; valid kinds: " + UpdateKind.configNames()));
            }).orElse(App.DEFAULT_UPDATE);
            Optional<Node> pathNode = optional(entries, "path");
            Optional<PathTemplate> path = pathNode.map(n -> template(n, key + ".path"));
            Optional<PathTemplate> fileTemplate = optional(entries, "file").map(n -> template(n, key + ".file"));
            Optional<YamlPath> tagPath = optional(entries, "tagPath")
                    .map(n -> valuePath(n, key + ".tagPath", update));
            Optional<YamlPath> digestPath = optional(entries, "digestPath")
                    .map(n -> valuePath(n, key + ".digestPath", update));
            Optional<String> policy = optional(entries, "policy").map(n -> {
                String text = string(n, key + ".policy");
                if (update != UpdateKind.SETTERS) {
                    throw fail(n, key + ".policy", onlyFor(UpdateKind.SETTERS, update));
                }
                String problem = App.policyProblem(text);
                if (problem != null) {
                    throw fail(n, key + ".policy", problem);
                }
                return text;
            });
            App app = new App(name, image, update, path, fileTemplate, tagPath, digestPath, policy, otherNames);
            checkTargets(app, mapping, pathNode, key, environments);
            return app;
        }

        /** Every environment needs a place for the app, and no two environments may share one. */
        private void checkTargets(App app, MappingNode mapping, Optional<Node> pathNode, String key,
                List<Environment> environments) {
            if (app.path().isEmpty()) {
                List<String> without = environments.stream().filter(e -> e.path().isEmpty()).map(Environment::name)
                        .toList();
                if (!without.isEmpty()) {
                    throw fail(mapping, key + ".path", "missing: app " + app.name() + " has no path, and environment"
                            + (without.size() == 1 ? " " : "s ") + String.join(", ", without) + (without.size() == 1
                                    ? " has" : " have") + " none either; give the app a path or every environment one");
                }
            }
            PromotionConfig probe = new PromotionConfig(path, environments, List.of());
            Map<String, String> seen = new HashMap<>();
            for (Environment e : environments) {
                Target target = probe.target(app, e);
                String where = target.filePath().orElse(target.directory() + "/");
                String first = seen.putIfAbsent(where, e.name());
                if (first != null) {
                    String problem = "app " + app.name() + " would edit the same files (" + where
                            + ") in environments " + first + " and " + e.name() + "; put {env} in the path";
                    if (pathNode.isPresent()) {
                        throw fail(pathNode.get(), key + ".path", problem);
                    }
                    throw fail(envPathNodes.get(e.name()), envKeys.get(e.name()) + ".path", problem);
                }
            }
        }

        private ImageReference imageName(Node node, String key) {
            try {
                return ImageReference.parseName(string(node, key));
            } catch (InvalidImageReferenceException e) {
                throw fail(node, key, e.getMessage());
            }
        }

        /** The other names must be other repositories than the image and than each other. */
        private void checkOtherNames(ImageReference image, List<ImageReference> otherNames, Optional<Node> node, String key) {
            List<ImageReference> seen = new ArrayList<>(List.of(image));
            for (int i = 0; i < otherNames.size(); i++) {
                ImageReference name = otherNames.get(i);
                Optional<ImageReference> same = seen.stream().filter(name::sameRepositoryAs).findFirst();
                if (same.isPresent()) {
                    Node item = ((SequenceNode) node.orElseThrow()).getValue().get(i);
                    throw fail(item, key + ".otherNames[" + i + "]", Names.quote(name.name()) + " names the same repository as "
                            + (same.get() == image ? "the app's image " : "") + Names.quote(same.get().name())
                            + "; list each other name once, without the image itself");
                }
                seen.add(name);
            }
        }

        private YamlPath valuePath(Node node, String key, UpdateKind update) {
            String text = string(node, key);
            if (update != UpdateKind.HELM_VALUES) {
                throw fail(node, key, onlyFor(UpdateKind.HELM_VALUES, update));
            }
            try {
                return YamlPath.parse(text);
            } catch (IllegalArgumentException e) {
                throw fail(node, key, e.getMessage());
            }
        }

        private static String onlyFor(UpdateKind kind, UpdateKind actual) {
            return "only allowed with update: " + kind.configName() + " (this app uses update: "
                    + actual.configName() + (actual == App.DEFAULT_UPDATE ? ", the default" : "") + ")";
        }

        // ---- shared

        private String name(MappingNode mapping, Map<String, NodeTuple> entries, String key, String what,
                Map<String, Node> names) {
            Node node = optional(entries, "name").orElseThrow(() -> fail(mapping, key + ".name",
                    "missing: every " + what + " needs a name"));
            String name = string(node, key + ".name");
            String problem = Names.problem(name);
            if (problem != null) {
                throw fail(node, key + ".name", problem + " (" + what + " names become part of Git branch names"
                        + " gitops-promotion/<env>/<app> and of paths)");
            }
            Node first = names.putIfAbsent(name, node);
            if (first != null) {
                throw fail(node, key + ".name", what + " " + name + " is declared twice (first at line "
                        + file.line(first) + ")");
            }
            return name;
        }

        private PathTemplate template(Node node, String key) {
            String text = string(node, key);
            try {
                return PathTemplate.parse(text);
            } catch (IllegalArgumentException e) {
                throw fail(node, key, e.getMessage());
            }
        }

        /** The entries of a mapping, refusing keys that are not plain text or not in {@code allowed}. */
        private Map<String, NodeTuple> entries(MappingNode mapping, String key, List<String> allowed) {
            Map<String, NodeTuple> entries = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode scalar)) {
                    throw fail(keyNode, key, "keys must be plain names, not " + describe(keyNode));
                }
                String name = scalar.getValue();
                if (!allowed.contains(name)) {
                    throw fail(keyNode, key == null ? name : key + "." + name, "unknown key " + Names.quote(name)
                            + "; allowed keys " + (key == null ? "at the top" : "here") + ": "
                            + String.join(", ", allowed));
                }
                entries.put(name, tuple);
            }
            return entries;
        }

        /** The value under a key; an explicitly empty value counts as absent. */
        private static Optional<Node> optional(Map<String, NodeTuple> entries, String name) {
            return Optional.ofNullable(entries.get(name)).map(NodeTuple::getValueNode).filter(n -> !isNull(n));
        }

        private String string(Node node, String key) {
            if (!(node instanceof ScalarNode scalar)) {
                throw fail(node, key, "must be a single value, not " + describe(node));
            }
            if (scalar.getValue().isEmpty()) {
                throw fail(node, key, "must not be empty");
            }
            return scalar.getValue();
        }

        /** An optional true/false key, false when absent. */
        private boolean flag(Map<String, NodeTuple> entries, String key, String name) {
            return optional(entries, name).map(n -> bool(n, key + "." + name)).orElse(false);
        }

        private boolean bool(Node node, String key) {
            String text = string(node, key);
            if (!text.equals("true") && !text.equals("false")) {
                throw fail(node, key, "must be true or false, not " + Names.quote(text));
            }
            return Boolean.parseBoolean(text);
        }

        private List<String> strings(Node node, String key) {
            return list(node, key, "names (e.g. [sre, platform])", this::string);
        }

        /** A list of single values, each read by {@code item} (given the item and its key, e.g. {@code labels[0]}). */
        private <T> List<T> list(Node node, String key, String what, BiFunction<Node, String, T> item) {
            return list(node, key, what, item, true);
        }

        /** A list of items each read by {@code item}; {@code scalars}: each must be a single value. */
        private <T> List<T> list(Node node, String key, String what, BiFunction<Node, String, T> item, boolean scalars) {
            if (!(node instanceof SequenceNode sequence)) {
                throw fail(node, key, "must be a list of " + what + ", not " + describe(node));
            }
            List<T> values = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node value = sequence.getValue().get(i);
                if (scalars && (!(value instanceof ScalarNode) || isNull(value))) {
                    throw fail(value, key + "[" + i + "]", "must be a name, not " + describe(value));
                }
                values.add(item.apply(value, key + "[" + i + "]"));
            }
            return values;
        }

        private static boolean isNull(Node node) {
            return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
        }

        private static String describe(Node node) {
            if (isNull(node)) {
                return "an empty value";
            }
            return switch (node.getNodeType()) {
                case MAPPING -> "a mapping";
                case SEQUENCE -> "a list";
                default -> "a single value";
            };
        }

        private ConfigException fail(Node node, String key, String problem) {
            return new ConfigException(path, file.line(node), key, problem);
        }
    }
}
