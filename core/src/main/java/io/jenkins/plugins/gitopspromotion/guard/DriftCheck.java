package io.jenkins.plugins.gitopspromotion.guard;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.ConfigException;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.FileTooLargeException;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.RepoTree;
import io.jenkins.plugins.gitopspromotion.config.Target;
import io.jenkins.plugins.gitopspromotion.update.ImageUpdater;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import io.jenkins.plugins.gitopspromotion.update.UpdateKind;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds environments that differ by accident: for every app and every two consecutive environments in
 * promotion order, the app's files of the later environment are compared with the earlier one's after
 * removing image versions and {@code replicas}, and with each environment's name in values read as
 * {@code {env}} ({@link VersionlessTree}); any other difference is a
 * {@link Severity#WARNING} to review, naming both files and the first differing key paths (never their values,
 * which may be secrets). Files correspond by name within the app's folder of each environment; the target files
 * themselves correspond whatever their names ({@code values-dev.yaml} and {@code values-prod.yaml}). A file in
 * one environment's folder without counterpart in the other's is reported too.
 */
public final class DriftCheck {

    /** How many differing paths a finding names. */
    static final int SHOWN_PATHS = 3;

    private static final String TARGET = "(target)";
    private static final List<String> KUSTOMIZATIONS = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private final YamlLimits limits;

    /** A check reading files within these limits. */
    public DriftCheck(YamlLimits limits) {
        this.limits = limits;
    }

    /**
     * The drift of every app between consecutive environments.
     *
     * @param notes receives what could not be compared and why
     * @throws IOException if the tree cannot be read
     */
    public List<Finding> check(RepoTree tree, PromotionConfig config, List<String> notes) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (App app : config.apps()) {
            findings.addAll(check(tree, config, app, notes));
        }
        return findings;
    }

    /**
     * The drift of one app between consecutive environments (what the promotion view shows per app).
     *
     * @param notes receives what could not be compared and why
     * @throws IOException if the tree cannot be read
     */
    public List<Finding> check(RepoTree tree, PromotionConfig config, App app, List<String> notes) throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<Environment> environments = config.environments();
        for (int i = 1; i < environments.size(); i++) {
            compare(tree, config, app, environments.get(i - 1), environments.get(i), findings, notes);
        }
        return findings;
    }

    private void compare(RepoTree tree, PromotionConfig config, App app, Environment earlier, Environment later,
            List<Finding> findings, List<String> notes) throws IOException {
        Target before;
        Target after;
        try {
            before = config.target(app, earlier);
            after = config.target(app, later);
        } catch (ConfigException e) {
            notes.add("app " + app.name() + ": drift not checked: " + e.getMessage());
            return;
        }
        boolean ownFolders = !before.directory().equals(after.directory());
        Map<String, String> earlierFiles = files(tree, before, ownFolders);
        Map<String, String> laterFiles = files(tree, after, ownFolders);
        Set<String> names = new TreeSet<>(earlierFiles.keySet());
        names.addAll(laterFiles.keySet());
        for (String name : names) {
            String earlierFile = earlierFiles.get(name);
            String laterFile = laterFiles.get(name);
            if (earlierFile == null || laterFile == null) {
                if (name.equals(TARGET)) {
                    continue; // a missing target is the status's and the promotion's to report
                }
                String present = earlierFile != null ? earlierFile : laterFile;
                String missingIn = earlierFile != null ? later.name() : earlier.name();
                String expected = (earlierFile != null ? after.directory() : before.directory()) + "/" + name;
                findings.add(new Finding(present, 0, FindingKind.DRIFT, Severity.WARNING, "app " + app.name() + ": "
                        + present + " has no counterpart " + expected + " in " + missingIn
                        + "; review whether the environments should differ", ""));
                continue;
            }
            difference(tree, app, earlier, later, earlierFile, laterFile, notes).ifPresent(findings::add);
        }
    }

    /** The app's files of one environment by name: the target file under {@code (target)}, and its folder's. */
    private static Map<String, String> files(RepoTree tree, Target target, boolean ownFolder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Optional<String> targetFile = targetFile(tree, target);
        targetFile.ifPresent(f -> files.put(TARGET, f));
        if (target.file().isEmpty() || ownFolder) {
            for (String path : tree.filesIn(target.directory())) {
                if (SecretScanner.isYaml(path) && !targetFile.map(path::equals).orElse(false)) {
                    files.put(path.substring(path.lastIndexOf('/') + 1), path);
                }
            }
        }
        return files;
    }

    /** The target's own file, with kustomize's other names for a kustomization, if it exists. */
    private static Optional<String> targetFile(RepoTree tree, Target target) throws IOException {
        if (target.filePath().isEmpty()) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>(List.of(target.filePath().get()));
        if (target.kind() == UpdateKind.KUSTOMIZE && target.filePath().get().endsWith("/kustomization.yaml")) {
            KUSTOMIZATIONS.forEach(name -> candidates.add(target.directory() + "/" + name));
        }
        for (String candidate : candidates) {
            if (tree.entry(candidate) == RepoTree.Entry.FILE) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private Optional<Finding> difference(RepoTree tree, App app, Environment earlier, Environment later,
            String earlierFile, String laterFile, List<String> notes) throws IOException {
        Optional<VersionlessTree> before = versionless(tree, app, earlier, earlierFile, notes);
        Optional<VersionlessTree> after = versionless(tree, app, later, laterFile, notes);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        List<String> paths = before.get().differences(after.get(), SHOWN_PATHS + 1);
        if (paths.isEmpty()) {
            return Optional.empty();
        }
        String shown = String.join(", ", paths.subList(0, Math.min(SHOWN_PATHS, paths.size())))
                + (paths.size() > SHOWN_PATHS ? " and more" : "");
        return Optional.of(new Finding(laterFile, after.get().line(paths.get(0)), FindingKind.DRIFT, Severity.WARNING,
                "app " + app.name() + ": " + laterFile + " (" + later.name() + ") differs from " + earlierFile + " ("
                        + earlier.name() + ") in more than the image version: " + shown
                        + "; review whether the environments should differ", ""));
    }

    private Optional<VersionlessTree> versionless(RepoTree tree, App app, Environment environment, String path,
            List<String> notes) throws IOException {
        byte[] content;
        YamlFile file;
        try {
            content = tree.read(path, limits.maxBytes()).orElseThrow();
            file = YamlFile.parse(path, content, limits);
        } catch (YamlEditException | FileTooLargeException e) {
            notes.add(path + ": drift not checked: " + e.getMessage());
            return Optional.empty();
        }
        Optional<VersionlessTree> versionless = VersionlessTree.of(file, versions(app, path, content), environment.name());
        if (versionless.isEmpty()) {
            notes.add(path + ": drift not checked: the file expands to more than " + VersionlessTree.MAX_NODES + " nodes");
        }
        return versionless;
    }

    /** The tags and digests the app's updater reads in a file, to be ignored wherever they appear. */
    private Set<String> versions(App app, String path, byte[] content) {
        Set<String> versions = new HashSet<>();
        ImageUpdater updater = app.updater(limits);
        try {
            for (ImageVersion version : updater.read(path, content, app.image())) {
                version.tag().ifPresent(versions::add);
                version.digest().ifPresent(d -> versions.add(d.toString()));
            }
        } catch (YamlEditException | IllegalArgumentException e) {
            // a file the updater cannot read holds no version of the app: nothing to ignore beyond the generic rules
        }
        return versions;
    }
}
