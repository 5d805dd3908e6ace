package io.jenkins.plugins.gitopspromotion.config;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.update.HelmValuesUpdater;
import io.jenkins.plugins.gitopspromotion.update.WorkloadImages;
import io.jenkins.plugins.gitopspromotion.yaml.YamlStructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the image names a file names, the way each update kind finds them, so that discovery can tell an app's
 * image: the {@code images:} of a kustomization, {@code image.registry}/{@code image.repository} of Helm values,
 * the containers of workload manifests.
 */
final class ImageSources {

    /** Where Bitnami-style charts keep the digest. */
    static final String HELM_DIGEST_PATH = "image.digest";

    /** An image name as written, not yet validated, and its line. */
    record Written(String name, int line) {
    }

    private ImageSources() {
    }

    /** The names of a kustomization's {@code images:} entries: {@code newName} when it renames, else {@code name}. */
    static List<Written> kustomizeImages(YamlFile file) {
        List<Written> found = new ArrayList<>();
        for (Node document : file.documents()) {
            if (!(document instanceof MappingNode root)
                    || !(YamlStructure.get(root, "images").orElse(null) instanceof SequenceNode list)) {
                continue;
            }
            for (Node item : list.getValue()) {
                if (!(item instanceof MappingNode entry)) {
                    continue;
                }
                // An entry renaming the image points at the registry image actually deployed.
                Optional<Node> named = YamlStructure.get(entry, "newName").filter(ImageSources::nonEmpty)
                        .or(() -> YamlStructure.get(entry, "name").filter(ImageSources::nonEmpty));
                named.ifPresent(n -> found.add(new Written(((ScalarNode) n).getValue(), file.line(n))));
            }
        }
        return found;
    }

    /** The image of Helm values, {@code image.registry/image.repository} or {@code image.repository}. */
    static List<Written> helmImages(YamlFile file) {
        List<Written> found = new ArrayList<>();
        for (Node document : file.documents()) {
            Optional<MappingNode> image = helmImage(document);
            if (image.isEmpty()) {
                continue;
            }
            Optional<String> name = HelmValuesUpdater.imageName(image.get());
            if (name.isPresent()) {
                found.add(new Written(name.get(), file.line(YamlStructure.get(image.get(), "repository").orElseThrow())));
            }
        }
        return found;
    }

    /** Whether Helm values have an {@code image.digest} key, so that the digest can be set too. */
    static boolean hasHelmDigest(YamlFile file) {
        return file.documents().stream().map(ImageSources::helmImage)
                .anyMatch(image -> image.flatMap(i -> YamlStructure.get(i, "digest")).isPresent());
    }

    private static Optional<MappingNode> helmImage(Node document) {
        return document instanceof MappingNode root
                && YamlStructure.get(root, "image").orElse(null) instanceof MappingNode image
                ? Optional.of(image) : Optional.empty();
    }

    /** The image names of every container and init container of the file's workloads. */
    static List<ImageReference> containerImages(YamlFile file) {
        List<ImageReference> found = new ArrayList<>();
        for (WorkloadImages.ContainerImage container : WorkloadImages.of(file)) {
            container.reference().ifPresent(r -> found.add(ImageReference.parseName(r.name())));
        }
        return found;
    }

    private static boolean nonEmpty(Node node) {
        return node instanceof ScalarNode scalar && !scalar.getValue().isEmpty();
    }
}
