package io.jenkins.plugins.gitopspromotion.config;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import io.jenkins.plugins.gitopspromotion.update.UpdateKind;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import io.jenkins.plugins.gitopspromotion.yaml.YamlPath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Works out a promotion config from a config repository's layout when it has no
 * {@code .gitops/promotion.yaml}, and says what it found. Three layouts are recognised:
 *
 * <ol>
 *   <li>Kustomize overlays, {@code <prefix>/<app>/overlays/<env>/kustomization.yaml}: a {@code kustomize} app
 *       whose image is the single {@code images:} entry of its overlays (or of its {@code base});</li>
 *   <li>Helm charts, {@code <chart>/Chart.yaml} with {@code <chart>/values-<env>.yaml}: a {@code helm-values}
 *       app editing {@code values-{env}.yaml}, whose image is {@code image.registry}/{@code image.repository};</li>
 *   <li>environment folders, {@code <env>/<app>/*.yaml} with a well-known environment name: a {@code manifests}
 *       app (or {@code kustomize}, when the folder holds a kustomization) whose image is the single container
 *       image of its workloads.</li>
 * </ol>
 *
 * <p>Discovery only guesses where the answer is unique: anything it cannot decide (several images, an app
 * found twice, an environment order it would have to invent) is reported as an ambiguity and no config is
 * given, because a wrong guess would promote into the wrong place. It never enables {@code commit} mode or
 * {@code requires}: those are decisions a person declares.
 */
public final class ConventionDiscovery {

    /** Environment names recognised as such, in the promotion order assumed for them. */
    public static final List<String> WELL_KNOWN_ENVIRONMENTS = List.of("dev", "development", "test", "qa", "staging",
            "stage", "uat", "preprod", "pre-prod", "prod", "production");

    /** The layouts looked for, for messages. */
    public static final String CONVENTIONS = "<prefix>/<app>/overlays/<env>/kustomization.yaml,"
            + " <chart>/values-<env>.yaml next to <chart>/Chart.yaml, and <env>/<app>/*.yaml for the environments "
            + String.join(", ", WELL_KNOWN_ENVIRONMENTS);

    private static final String DECLARE = "declare it in " + ConfigLoader.CONFIG_PATH;
    private static final Set<String> KUSTOMIZATIONS = Set.of("kustomization.yaml", "kustomization.yml");
    private static final Pattern ENV_VALUES = Pattern.compile("values-(.+)\\.(yaml|yml)");

    /** Well-known names first in their order, then any others alphabetically. */
    static final Comparator<String> ENVIRONMENT_ORDER = Comparator
            .comparingInt((String e) -> WELL_KNOWN_ENVIRONMENTS.contains(e)
                    ? WELL_KNOWN_ENVIRONMENTS.indexOf(e) : WELL_KNOWN_ENVIRONMENTS.size())
            .thenComparing(Comparator.naturalOrder());

    private ConventionDiscovery() {
    }

    /**
     * Discovers the layout of a repository.
     *
     * @throws IOException if the tree cannot be read
     */
    public static DiscoveryReport discover(RepoTree tree) throws IOException {
        return new Run(tree).discover();
    }

    /** One app as found by one convention. */
    private static final class Candidate {
        final String app;
        final UpdateKind kind;
        final PathTemplate path;
        final TreeSet<String> envs = new TreeSet<>(ENVIRONMENT_ORDER);
        PathTemplate file;
        YamlPath digestPath;
        ImageReference image;
        boolean usable = true;

        Candidate(String app, UpdateKind kind, PathTemplate path) {
            this.app = app;
            this.kind = kind;
            this.path = path;
        }

        String what() {
            return kind.configName() + " app " + app + " in " + path + (file == null ? "" : ", file " + file);
        }

        String finding() {
            return what() + ": environment" + (envs.size() == 1 ? " " : "s ") + String.join(", ", envs) + "; image "
                    + (image == null ? "unknown" : image.name())
                    + (digestPath == null ? "" : "; digest at " + digestPath);
        }
    }

    private static final class Run {
        private final RepoTree tree;
        private final List<String> findings = new ArrayList<>();
        private final List<String> ambiguities = new ArrayList<>();
        private final List<Candidate> candidates = new ArrayList<>();
        private List<String> files;
        private Set<String> fileSet;
        /** The files directly in each folder, so that a chart's siblings are found without a scan per chart. */
        private final Map<String, List<String>> children = new HashMap<>();

        Run(RepoTree tree) {
            this.tree = tree;
        }

        DiscoveryReport discover() throws IOException {
            files = tree.files();
            fileSet = new HashSet<>(files);
            for (String f : files) {
                children.computeIfAbsent(f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "",
                        k -> new ArrayList<>()).add(f);
            }
            overlays();
            environmentFolders();
            charts(); // last: it takes environment names from the other layouts
            return report();
        }

        // ---- (a) <prefix>/<app>/overlays/<env>/kustomization.yaml

        private void overlays() throws IOException {
            Map<String, Map<String, List<String>>> groups = new TreeMap<>(); // "<prefix>/<app>" -> env -> files
            for (String f : files) {
                String[] s = f.split("/");
                int n = s.length;
                if (n >= 4 && KUSTOMIZATIONS.contains(s[n - 1]) && s[n - 3].equals("overlays")) {
                    String appDir = String.join("/", List.of(s).subList(0, n - 3));
                    groups.computeIfAbsent(appDir, k -> new TreeMap<>()).computeIfAbsent(s[n - 2], k -> new ArrayList<>())
                            .add(f);
                }
            }
            for (Map.Entry<String, Map<String, List<String>>> group : groups.entrySet()) {
                String appDir = group.getKey();
                int slash = appDir.lastIndexOf('/');
                String app = appDir.substring(slash + 1);
                String prefix = slash < 0 ? "" : appDir.substring(0, slash + 1);
                if (!validName(app, "app", appDir + "/overlays")) {
                    continue;
                }
                Optional<PathTemplate> path = template(prefix + "{app}/overlays/{env}", appDir + "/overlays");
                if (path.isEmpty()) {
                    continue;
                }
                Candidate c = new Candidate(app, UpdateKind.KUSTOMIZE, path.get());
                List<String> kustomizations = new ArrayList<>();
                for (Map.Entry<String, List<String>> env : group.getValue().entrySet()) {
                    if (validName(env.getKey(), "environment", appDir + "/overlays/" + env.getKey())) {
                        c.envs.add(env.getKey());
                        kustomizations.addAll(env.getValue());
                    }
                }
                if (c.envs.isEmpty()) {
                    continue;
                }
                kustomizationFile(c, kustomizations);
                Map<String, ImageReference> images = kustomizeImages(kustomizations);
                String lookedIn = "the images: of its overlays";
                if (images.isEmpty()) {
                    List<String> base = KUSTOMIZATIONS.stream().map(k -> appDir + "/base/" + k).filter(fileSet::contains)
                            .sorted().toList();
                    images = kustomizeImages(base);
                    lookedIn = "the images: of its overlays or of " + appDir + "/base";
                }
                decideImage(c, images, lookedIn);
                candidates.add(c);
            }
        }

        /** A kustomization written {@code .yml} must be named, since the kind's default is {@code .yaml}. */
        private void kustomizationFile(Candidate c, List<String> kustomizations) {
            Set<String> names = kustomizations.stream().map(f -> f.substring(f.lastIndexOf('/') + 1))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (names.size() > 1 || kustomizations.size() > new HashSet<>(kustomizations.stream()
                    .map(f -> f.substring(0, f.lastIndexOf('/'))).toList()).size()) {
                ambiguous(c, c.what() + ": its folders mix " + String.join(" and ", names)
                        + "; use one name, or " + DECLARE);
            } else if (!names.contains(UpdateKind.KUSTOMIZE.defaultFile().orElseThrow())) {
                c.file = PathTemplate.parse(names.iterator().next());
            }
        }

        // ---- (c) <env>/<app>/*.yaml

        private void environmentFolders() throws IOException {
            Map<String, Map<String, List<String>>> apps = new TreeMap<>(); // app -> env -> files
            for (String f : files) {
                String[] s = f.split("/");
                if (s.length == 3 && WELL_KNOWN_ENVIRONMENTS.contains(s[0]) && isYaml(s[2])) {
                    apps.computeIfAbsent(s[1], k -> new TreeMap<>(ENVIRONMENT_ORDER))
                            .computeIfAbsent(s[0], k -> new ArrayList<>()).add(f);
                }
            }
            for (Map.Entry<String, Map<String, List<String>>> entry : apps.entrySet()) {
                String app = entry.getKey();
                Map<String, List<String>> envs = entry.getValue();
                String folders = envs.keySet().stream().map(e -> e + "/" + app).collect(Collectors.joining(", "));
                if (!validName(app, "app", folders)) {
                    continue;
                }
                Set<String> kustomized = new TreeSet<>(ENVIRONMENT_ORDER);
                List<String> kustomizations = new ArrayList<>();
                envs.forEach((env, list) -> list.stream().filter(f -> KUSTOMIZATIONS.contains(name(f))).forEach(f -> {
                    kustomized.add(env);
                    kustomizations.add(f);
                }));
                PathTemplate path = PathTemplate.parse("{env}/{app}");
                if (!kustomized.isEmpty()) {
                    Candidate c = new Candidate(app, UpdateKind.KUSTOMIZE, path);
                    c.envs.addAll(envs.keySet());
                    if (kustomized.size() < envs.size()) {
                        Set<String> plain = new TreeSet<>(ENVIRONMENT_ORDER);
                        plain.addAll(envs.keySet());
                        plain.removeAll(kustomized);
                        ambiguous(c, "app " + app + " in {env}/{app} is a kustomization in " + String.join(", ", kustomized)
                                + " but plain manifests in " + String.join(", ", plain) + "; " + DECLARE);
                    }
                    kustomizationFile(c, kustomizations);
                    decideImage(c, kustomizeImages(kustomizations), "the images: of its kustomizations");
                    candidates.add(c);
                    continue;
                }
                Map<String, ImageReference> images = new LinkedHashMap<>();
                for (List<String> list : envs.values()) {
                    for (String f : list) {
                        parse(f).ifPresent(file -> ImageSources.containerImages(file)
                                .forEach(i -> images.putIfAbsent(i.normalizedName(), i)));
                    }
                }
                if (images.isEmpty()) {
                    findings.add(folders + " hold" + (envs.size() == 1 ? "s" : "") + " no container images:"
                            + " not treated as an app");
                    continue;
                }
                Candidate c = new Candidate(app, UpdateKind.MANIFESTS, path);
                c.envs.addAll(envs.keySet());
                decideImage(c, images, "the containers of its workloads");
                candidates.add(c);
            }
        }

        // ---- (b) <chart>/Chart.yaml with <chart>/values-<env>.yaml

        private void charts() throws IOException {
            Set<String> knownEnvs = new HashSet<>(WELL_KNOWN_ENVIRONMENTS);
            candidates.forEach(c -> knownEnvs.addAll(c.envs));
            for (String f : files) {
                if (!name(f).equals("Chart.yaml")) {
                    continue;
                }
                String dir = f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "";
                String prefix = dir.isEmpty() ? "" : dir + "/";
                Map<String, String> envFiles = new TreeMap<>(ENVIRONMENT_ORDER); // env -> file
                Set<String> extensions = new TreeSet<>();
                for (String sibling : children.getOrDefault(dir, List.of())) {
                    Matcher m = ENV_VALUES.matcher(sibling.substring(prefix.length()));
                    if (!m.matches()) {
                        continue;
                    }
                    if (!knownEnvs.contains(m.group(1))) {
                        findings.add(sibling + " ignored: " + Names.quote(m.group(1))
                                + " is not a well-known environment name (" + DECLARE + " if it is one)");
                        continue;
                    }
                    if (envFiles.put(m.group(1), sibling) != null) {
                        ambiguities.add("chart " + dir + " has both values-" + m.group(1) + ".yaml and values-"
                                + m.group(1) + ".yml; keep one");
                    }
                    extensions.add(m.group(2));
                }
                if (envFiles.isEmpty()) {
                    findings.add("chart " + (dir.isEmpty() ? "at the repository root" : dir)
                            + " has no values-<env>.yaml: not treated as an app");
                    continue;
                }
                if (dir.isEmpty()) {
                    ambiguities.add("the chart at the repository root has values files for "
                            + String.join(", ", envFiles.keySet()) + ", but an app's path must be a folder;"
                            + " move the chart into a folder, or " + DECLARE);
                    continue;
                }
                String app = dir.substring(dir.lastIndexOf('/') + 1);
                Optional<PathTemplate> path = validName(app, "app", dir) ? template(dir, dir) : Optional.empty();
                if (path.isEmpty()) {
                    continue;
                }
                Candidate c = new Candidate(app, UpdateKind.HELM_VALUES, path.get());
                c.envs.addAll(envFiles.keySet());
                c.file = PathTemplate.parse("values-{env}." + extensions.iterator().next());
                if (extensions.size() > 1) {
                    ambiguous(c, "chart " + dir + " mixes values-<env>.yaml and values-<env>.yml; use one extension,"
                            + " or " + DECLARE);
                }
                List<String> valuesFiles = new ArrayList<>();
                if (fileSet.contains(prefix + "values.yaml")) {
                    valuesFiles.add(prefix + "values.yaml");
                }
                valuesFiles.addAll(envFiles.values());
                Map<String, ImageReference> images = new LinkedHashMap<>();
                for (String values : valuesFiles) {
                    parse(values).ifPresent(file -> helmImage(c, file, images));
                }
                decideImage(c, images, "image.repository of values.yaml or values-<env>.yaml");
                candidates.add(c);
            }
        }

        // ---- reading files

        private Map<String, ImageReference> kustomizeImages(List<String> kustomizations) throws IOException {
            Map<String, ImageReference> images = new LinkedHashMap<>();
            for (String f : kustomizations) {
                Optional<YamlFile> file = parse(f);
                if (file.isPresent()) {
                    ImageSources.kustomizeImages(file.get()).forEach(w -> addImage(file.get(), w, images));
                }
            }
            return images;
        }

        private void helmImage(Candidate c, YamlFile file, Map<String, ImageReference> images) {
            if (ImageSources.hasHelmDigest(file)) {
                c.digestPath = YamlPath.parse(ImageSources.HELM_DIGEST_PATH);
            }
            ImageSources.helmImages(file).forEach(w -> addImage(file, w, images));
        }

        private void addImage(YamlFile file, ImageSources.Written written, Map<String, ImageReference> images) {
            try {
                ImageReference image = ImageReference.parseName(written.name());
                images.putIfAbsent(image.normalizedName(), image);
            } catch (InvalidImageReferenceException e) {
                ambiguities.add(file.source().path() + ":" + written.line() + ": " + e.getMessage());
            }
        }

        /** A discovered file that cannot be parsed makes its app's image unknowable: an ambiguity, not a crash. */
        private Optional<YamlFile> parse(String path) throws IOException {
            try {
                Optional<byte[]> bytes = tree.read(path, YamlLimits.DEFAULT.maxBytes());
                if (bytes.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(YamlFile.parse(path, bytes.get(), YamlLimits.DEFAULT));
            } catch (YamlEditException | FileTooLargeException e) {
                ambiguities.add(e.getMessage() + " (so the image it names cannot be told)");
                return Optional.empty();
            }
        }

        // ---- deciding

        private void decideImage(Candidate c, Map<String, ImageReference> images, String lookedIn) {
            if (images.size() == 1) {
                c.image = images.values().iterator().next();
            } else if (images.isEmpty()) {
                ambiguous(c, c.what() + ": no image found in " + lookedIn + "; " + DECLARE + " with its image");
            } else {
                ambiguous(c, c.what() + ": several images in " + lookedIn + " ("
                        + images.values().stream().map(ImageReference::name).collect(Collectors.joining(", "))
                        + "); " + DECLARE + " with its image");
            }
        }

        private void ambiguous(Candidate c, String problem) {
            c.usable = false;
            ambiguities.add(problem);
        }

        private boolean validName(String name, String what, String where) {
            String problem = Names.problem(name);
            if (problem != null) {
                ambiguities.add(where + ": " + what + " " + problem + "; rename the folder, or " + DECLARE);
            }
            return problem == null;
        }

        private Optional<PathTemplate> template(String text, String where) {
            try {
                return Optional.of(PathTemplate.parse(text));
            } catch (IllegalArgumentException e) {
                ambiguities.add(where + ": " + e.getMessage() + "; " + DECLARE);
                return Optional.empty();
            }
        }

        // ---- the report

        private DiscoveryReport report() {
            Map<String, List<Candidate>> byApp = new TreeMap<>();
            candidates.forEach(c -> byApp.computeIfAbsent(c.app, k -> new ArrayList<>()).add(c));
            List<Candidate> chosen = new ArrayList<>();
            for (List<Candidate> found : byApp.values()) {
                found.forEach(c -> findings.add(c.finding()));
                if (found.size() > 1) {
                    ambiguities.add("app " + found.get(0).app + " is found by several layouts ("
                            + found.stream().map(Candidate::what).collect(Collectors.joining("; ")) + "); " + DECLARE);
                } else if (found.get(0).usable) {
                    chosen.add(found.get(0));
                }
            }
            TreeSet<String> envs = new TreeSet<>(ENVIRONMENT_ORDER);
            candidates.forEach(c -> envs.addAll(c.envs));
            if (!envs.isEmpty()) {
                findings.add("environments in promotion order: " + String.join(", ", envs));
                List<String> unknown = envs.stream().filter(e -> !WELL_KNOWN_ENVIRONMENTS.contains(e)).toList();
                if (!unknown.isEmpty() && envs.size() > 1) {
                    ambiguities.add("order of environments " + String.join(", ", unknown)
                            + " is a guess: declare them in " + ConfigLoader.CONFIG_PATH);
                }
                for (String env : envs) {
                    List<String> with = candidates.stream().filter(c -> c.envs.contains(env)).map(c -> c.app)
                            .distinct().sorted().toList();
                    List<String> without = candidates.stream().filter(c -> !c.envs.contains(env)).map(c -> c.app)
                            .distinct().sorted().toList();
                    if (!without.isEmpty()) {
                        findings.add("environment " + env + " has files for " + String.join(", ", with) + " only, not for "
                                + String.join(", ", without));
                    }
                }
                findings.add("every environment uses mode " + Environment.DEFAULT_MODE.configName()
                        + " and none requires another: discovery never commits straight to a branch or enforces"
                        + " an order; declare mode and requires in " + ConfigLoader.CONFIG_PATH);
            }
            Optional<PromotionConfig> config = Optional.empty();
            if (ambiguities.isEmpty() && !chosen.isEmpty()) {
                List<Environment> environments = envs.stream().map(e -> Environment.of(e, null)).toList();
                List<App> apps = chosen.stream().map(c -> new App(c.app, c.image, c.kind, Optional.of(c.path),
                        Optional.ofNullable(c.file), Optional.empty(), Optional.ofNullable(c.digestPath),
                        Optional.empty())).toList();
                config = Optional.of(new PromotionConfig(PromotionConfig.DISCOVERED, environments, apps));
            }
            return new DiscoveryReport(config, findings, ambiguities);
        }

        private static String name(String path) {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        private static boolean isYaml(String name) {
            return name.endsWith(".yaml") || name.endsWith(".yml");
        }
    }
}
