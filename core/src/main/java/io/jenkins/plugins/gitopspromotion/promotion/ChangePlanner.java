package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.FileTooLargeException;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.RepoTree;
import io.jenkins.plugins.gitopspromotion.config.Target;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.update.FileChange;
import io.jenkins.plugins.gitopspromotion.update.ImageUpdate;
import io.jenkins.plugins.gitopspromotion.update.ImageUpdater;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import io.jenkins.plugins.gitopspromotion.update.UpdateKind;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolve and plan stages of a promotion: finds the files that hold an app's image in an environment
 * (the target's file, or every YAML file of its folder that references the image) and computes their new
 * content with the app's updater. Reads only; writes nothing.
 */
public final class ChangePlanner {

    /** Kustomize reads the first of these that exists. */
    private static final List<String> KUSTOMIZATION_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private final YamlLimits limits;

    /** A planner applying these limits to every file it reads. */
    public ChangePlanner(YamlLimits limits) {
        this.limits = limits;
    }

    /**
     * The version of the app's image each target file references now.
     *
     * @throws PromotionException if no file of the target references the image
     * @throws YamlEditException if a target file cannot be read safely
     */
    public List<ImageVersion> current(RepoTree tree, PromotionConfig config, App app, Environment environment) throws IOException {
        ImageUpdater updater = app.updater(limits);
        List<ImageVersion> versions = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : targetFiles(tree, config, app, environment, updater).entrySet()) {
            versions.addAll(updater.read(file.getKey(), file.getValue(), app.names()));
        }
        return versions;
    }

    /**
     * The changes that set the app's image in the environment to the update's version.
     *
     * @throws PromotionException if no file of the target references the image
     * @throws YamlEditException if a file cannot be edited safely; nothing is planned then
     */
    public ChangePlan plan(RepoTree tree, PromotionConfig config, App app, Environment environment, ImageUpdate update)
            throws IOException {
        for (ImageReference name : update.names().all()) {
            if (!app.names().names(name)) {
                throw new PromotionException("app " + app.name() + " uses the image " + app.names() + ", not " + name.name());
            }
        }
        ImageUpdater updater = app.updater(limits);
        List<ImageVersion> before = new ArrayList<>();
        List<FileChange> changes = new ArrayList<>();
        ImageUpdate forApp = new ImageUpdate(app.names(), update.tag(), update.digest(), update.newName());
        for (Map.Entry<String, byte[]> file : targetFiles(tree, config, app, environment, updater).entrySet()) {
            before.addAll(updater.read(file.getKey(), file.getValue(), app.names()));
            changes.add(updater.apply(file.getKey(), file.getValue(), forApp));
        }
        return new ChangePlan(app, environment, config.target(app, environment), forApp, before, changes);
    }

    /** The target's files with their content: its one file, or the YAML files of its folder naming the image. */
    private Map<String, byte[]> targetFiles(RepoTree tree, PromotionConfig config, App app, Environment environment,
            ImageUpdater updater) throws IOException {
        Target target = config.target(app, environment);
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (target.filePath().isPresent()) {
            String path = target.filePath().get();
            Optional<byte[]> content = read(tree, path);
            if (content.isEmpty() && target.kind() == UpdateKind.KUSTOMIZE && path.endsWith("/kustomization.yaml")) {
                for (String name : KUSTOMIZATION_NAMES) {
                    path = target.directory() + "/" + name;
                    content = read(tree, path);
                    if (content.isPresent()) {
                        break;
                    }
                }
            }
            if (content.isEmpty()) {
                throw new PromotionException("app " + app.name() + " in environment " + environment.name() + ": "
                        + target.filePath().get() + " does not exist in " + tree.describe());
            }
            files.put(path, content.get());
            return files;
        }
        List<String> unreadable = new ArrayList<>();
        for (String path : tree.filesIn(target.directory())) {
            if (!path.endsWith(".yaml") && !path.endsWith(".yml")) {
                continue;
            }
            try {
                byte[] content = read(tree, path).orElseThrow();
                if (!updater.read(path, content, app.names()).isEmpty()) {
                    files.put(path, content);
                }
            } catch (YamlEditException e) {
                unreadable.add(e.getMessage()); // a file that cannot be parsed cannot hold a reference we can edit
            }
        }
        if (files.isEmpty()) {
            throw new PromotionException("app " + app.name() + " in environment " + environment.name() + ": no YAML file in "
                    + target.directory() + "/" + (unreadable.isEmpty() ? "" : " that could be read") + " references "
                    + app.names() + " (" + target.kind().configName() + ")"
                    + (unreadable.isEmpty() ? "" : "; files that could not be read: " + String.join("; ", unreadable)));
        }
        return files;
    }

    /** A file within the YAML size limit, checked before it is read; a larger one is refused as the parser refuses it. */
    private Optional<byte[]> read(RepoTree tree, String path) throws IOException {
        try {
            return tree.read(path, limits.maxBytes());
        } catch (FileTooLargeException e) {
            throw new YamlEditException(path, 0, e.problem() + " for a YAML file");
        }
    }
}
