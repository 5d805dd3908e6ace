package io.jenkins.plugins.gitopspromotion.guard;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.ConfigException;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.RepoTree;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import io.jenkins.plugins.gitopspromotion.promotion.ChangePlanner;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionException;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import io.jenkins.plugins.gitopspromotion.update.WorkloadImages;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Finds images that can change under the same reference, so that what runs is not what Git says:
 * containers whose image has the tag {@code latest} or no tag and no digest, kustomize {@code images:} entries
 * setting {@code newTag: latest}, and, in an environment with {@code pinDigest: true}, an app's image without a
 * digest. A reference with a digest is pinned whatever its tag says. Findings are {@link Severity#BLOCKING} in
 * files of environments that pin digests, {@link Severity#WARNING} elsewhere.
 *
 * <p>One instance serves one audit: {@link #checkFile} each parsed file, then take {@link #findings()}, since
 * whether a base's untagged image is a problem depends on the kustomizations read after it.
 */
public final class TagPolicy {

    /** The tag that names whatever was pushed last. */
    static final String LATEST = "latest";

    private static final List<String> KUSTOMIZATIONS = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private final ChangePlanner planner;
    private final EnvironmentFiles environments;
    private final List<Finding> findings = new ArrayList<>();
    /** Container findings, kept until every kustomization is read: one may set the image's version. */
    private final List<Pending> containers = new ArrayList<>();
    /** The images kustomizations set a tag or digest for. */
    private final List<ImageReference> setByKustomize = new ArrayList<>();

    private record Pending(ImageReference image, Finding finding) {
    }

    /**
     * A policy for one audit.
     *
     * @param limits bounds for every file read
     * @param environments which environments each file belongs to, for the severity
     */
    public TagPolicy(YamlLimits limits, EnvironmentFiles environments) {
        this.planner = new ChangePlanner(limits);
        this.environments = environments;
    }

    /** Checks one parsed file: its containers, and its {@code images:} if it is a kustomization. */
    public void checkFile(YamlFile file) {
        String path = file.source().path();
        Severity severity = environments.pinsDigest(path) ? Severity.BLOCKING : Severity.WARNING;
        String pinned = severity == Severity.BLOCKING ? " (" + environments.names(path) + " pins digests)" : "";
        for (WorkloadImages.ContainerImage container : WorkloadImages.of(file)) {
            Optional<ImageReference> reference = container.reference();
            if (reference.isEmpty() || reference.get().digest().isPresent()) {
                continue; // a placeholder names no image; a digest pins it
            }
            String value = container.node().getValue();
            String where = Manifests.printable(container.where());
            int line = file.line(container.node());
            if (reference.get().tag().isEmpty()) {
                containers.add(new Pending(reference.get(), Finding.of(path, line, FindingKind.MUTABLE_TAG, severity,
                        where + " uses " + value + " without tag or digest, which runs whatever latest is when the pod"
                                + " starts; pin a version" + pinned, value)));
            } else if (reference.get().tag().get().equals(LATEST)) {
                containers.add(new Pending(reference.get(), Finding.of(path, line, FindingKind.MUTABLE_TAG, severity,
                        where + " uses the mutable tag latest (" + value + "); pin a version" + pinned, value)));
            }
        }
        if (isKustomization(path)) {
            kustomizeImages(file, severity, pinned);
        }
    }

    /**
     * The findings of every file checked: kustomize entries setting {@code latest}, and containers without a
     * pinned version, except those whose version a kustomization sets (a base's image is written without tag,
     * its overlays set it).
     */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>(findings);
        for (Pending pending : containers) {
            if (setByKustomize.stream().noneMatch(image -> image.sameRepositoryAs(pending.image()))) {
                all.add(pending.finding());
            }
        }
        return all;
    }

    private void kustomizeImages(YamlFile file, Severity severity, String pinned) {
        for (Node document : file.documents()) {
            Optional<Node> images = Manifests.child(document, "images");
            if (images.isEmpty() || !(images.get() instanceof SequenceNode list)) {
                continue;
            }
            for (Node entry : list.getValue()) {
                String name = Manifests.text(entry, "name").map(Manifests::printable).orElse("?");
                Optional<String> tag = Manifests.text(entry, "newTag").filter(t -> !t.isEmpty());
                boolean digest = Manifests.text(entry, "digest").filter(d -> !d.isEmpty()).isPresent();
                if (tag.isPresent() || digest) {
                    try {
                        setByKustomize.add(ImageReference.parseName(name));
                    } catch (InvalidImageReferenceException e) {
                        // not an image name kustomize could match either
                    }
                }
                if (tag.map(LATEST::equals).orElse(false) && !digest) {
                    findings.add(Finding.of(file.source().path(), file.line(entry), FindingKind.MUTABLE_TAG, severity,
                            "images[" + name + "] sets the mutable tag latest; pin a version" + pinned, LATEST));
                }
            }
        }
    }

    private static boolean isKustomization(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return KUSTOMIZATIONS.contains(name);
    }

    /**
     * The mutable versions of every app in every environment, as the app's updater reads them: {@code latest}
     * without digest, and, where the environment pins digests, any version without digest.
     *
     * @param notes receives why an app's version could not be read in an environment
     * @throws IOException if the tree cannot be read
     */
    public List<Finding> checkApps(RepoTree tree, PromotionConfig config, List<String> notes) throws IOException {
        List<Finding> found = new ArrayList<>();
        for (App app : config.apps()) {
            for (Environment environment : config.environments()) {
                List<ImageVersion> versions;
                try {
                    versions = planner.current(tree, config, app, environment);
                } catch (PromotionException | YamlEditException | ConfigException | IllegalArgumentException e) {
                    // missing files, unreadable YAML, an invalid digest: the audit goes on, and says what it skipped
                    notes.add("app " + app.name() + " in " + environment.name() + ": image version not checked: "
                            + e.getMessage());
                    continue;
                }
                for (ImageVersion version : versions) {
                    if (version.malformedDigest().isPresent()) {
                        // No tag policy applies to a digest no registry serves: say so, as for an unreadable file.
                        notes.add("app " + app.name() + " in " + environment.name() + ": image version not checked: "
                                + version.file() + ":" + version.line() + ": the digest " + version.malformedDigest().get()
                                + " (" + version.where() + ") is malformed");
                        continue;
                    }
                    version(app, environment, version).ifPresent(found::add);
                }
            }
        }
        return found;
    }

    private static Optional<Finding> version(App app, Environment environment, ImageVersion version) {
        if (version.digest().isPresent()) {
            return Optional.empty();
        }
        String described = app.image().name() + (version.tag().map(t -> ":" + t).orElse(""));
        if (environment.pinDigest()) {
            return Optional.of(Finding.of(version.file(), version.line(), FindingKind.MUTABLE_TAG, Severity.BLOCKING,
                    "app " + app.name() + " has " + described + " without digest in " + environment.name() + ", which pins"
                            + " digests (pinDigest: true); promote it with its digest", described));
        }
        if (version.tag().map(LATEST::equals).orElse(false)) {
            return Optional.of(Finding.of(version.file(), version.line(), FindingKind.MUTABLE_TAG, Severity.WARNING,
                    "app " + app.name() + " has the mutable tag latest in " + environment.name() + "; promote a version",
                    described));
        }
        return Optional.empty();
    }
}
