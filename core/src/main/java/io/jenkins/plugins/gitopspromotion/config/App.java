package io.jenkins.plugins.gitopspromotion.config;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.update.HelmValuesUpdater;
import io.jenkins.plugins.gitopspromotion.update.ImageNames;
import io.jenkins.plugins.gitopspromotion.update.ImageUpdater;
import io.jenkins.plugins.gitopspromotion.update.KustomizeImagesUpdater;
import io.jenkins.plugins.gitopspromotion.update.ManifestsUpdater;
import io.jenkins.plugins.gitopspromotion.update.SettersUpdater;
import io.jenkins.plugins.gitopspromotion.update.UpdateKind;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import io.jenkins.plugins.gitopspromotion.yaml.YamlPath;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One app, as declared under {@code apps:}: its image and how and where that image is written.
 *
 * @param name the app's name, a valid name (it becomes part of branch names and paths)
 * @param image the image's name, without tag or digest
 * @param update how the image is written in the files
 * @param path this app's own path template, overriding the environment's
 * @param file the file to edit, relative to the path; may use {@code {env}} and {@code {app}}. Empty means the
 *     update kind's default file, or every YAML file of the path for kinds without one
 * @param tagPath where a Helm values file keeps the tag ({@code helm-values} only)
 * @param digestPath where a Helm values file keeps the digest ({@code helm-values} only)
 * @param policy the Flux image policy, {@code namespace:name}, whose markers to update ({@code setters} only)
 * @param otherNames other names the image may take in the files (a registry move), besides {@code image}, which
 *     stays the name the app is known by
 */
public record App(String name, ImageReference image, UpdateKind update, Optional<PathTemplate> path,
        Optional<PathTemplate> file, Optional<YamlPath> tagPath, Optional<YamlPath> digestPath,
        Optional<String> policy, List<ImageReference> otherNames) {

    /** The update kind used when the config names none. */
    public static final UpdateKind DEFAULT_UPDATE = UpdateKind.KUSTOMIZE;

    // Kubernetes names: a namespace is a DNS-1123 label, an ImagePolicy name a DNS-1123 subdomain.
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern OBJECT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    /**
     * Checks and keeps the parts.
     *
     * @throws IllegalArgumentException if the name is invalid, the image or another name has a tag or digest, a
     *     repository is named twice, or an option is given that the update kind does not use
     */
    public App {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tagPath, "tagPath");
        Objects.requireNonNull(digestPath, "digestPath");
        Objects.requireNonNull(policy, "policy");
        otherNames = List.copyOf(otherNames);
        String problem = Names.problem(name);
        if (problem != null) {
            throw new IllegalArgumentException("app " + problem);
        }
        if (image.tag().isPresent() || image.digest().isPresent()) {
            throw new IllegalArgumentException("app " + name + ": the image must be a name without tag or digest, not "
                    + Names.quote(image.toString()));
        }
        try {
            new ImageNames(image, otherNames);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("app " + name + ": " + e.getMessage(), e);
        }
        if (update != UpdateKind.HELM_VALUES && (tagPath.isPresent() || digestPath.isPresent())) {
            throw new IllegalArgumentException("app " + name + ": tagPath and digestPath are for update: "
                    + UpdateKind.HELM_VALUES.configName() + " only");
        }
        if (policy.isPresent()) {
            if (update != UpdateKind.SETTERS) {
                throw new IllegalArgumentException("app " + name + ": policy is for update: "
                        + UpdateKind.SETTERS.configName() + " only");
            }
            String policyProblem = policyProblem(policy.get());
            if (policyProblem != null) {
                throw new IllegalArgumentException("app " + name + ": " + policyProblem);
            }
        }
    }

    /** An app whose image goes by one name only. */
    public App(String name, ImageReference image, UpdateKind update, Optional<PathTemplate> path,
            Optional<PathTemplate> file, Optional<YamlPath> tagPath, Optional<YamlPath> digestPath, Optional<String> policy) {
        this(name, image, update, path, file, tagPath, digestPath, policy, List.of());
    }

    /** The names the app's image goes by: {@code image}, then the other names. */
    public ImageNames names() {
        return new ImageNames(image, otherNames);
    }

    /** An app of the default kind (kustomize) that uses the environments' paths. */
    public static App of(String name, ImageReference image) {
        return new App(name, image, DEFAULT_UPDATE, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** Why a policy is not {@code namespace:name}, or {@code null} when it is. */
    static String policyProblem(String policy) {
        int colon = policy.indexOf(':');
        if (colon < 0 || !NAMESPACE.matcher(policy.substring(0, colon)).matches()
                || !OBJECT_NAME.matcher(policy.substring(colon + 1)).matches()) {
            return "policy " + Names.quote(policy) + " is not namespace:name of a Flux ImagePolicy"
                    + " (e.g. flux-system:web)";
        }
        return null;
    }

    /** The updater that reads and writes this app's image in its files. */
    public ImageUpdater updater(YamlLimits limits) {
        return switch (update) {
            case KUSTOMIZE -> new KustomizeImagesUpdater(limits);
            case HELM_VALUES -> new HelmValuesUpdater(
                    tagPath.orElse(HelmValuesUpdater.DEFAULT_TAG_PATH), digestPath, limits);
            case MANIFESTS -> new ManifestsUpdater(limits);
            case SETTERS -> new SettersUpdater(policy, limits);
        };
    }
}
