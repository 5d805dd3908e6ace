package io.jenkins.plugins.gitopspromotion.update;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import io.jenkins.plugins.gitopspromotion.image.WrittenReference;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlStructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Finds the {@code image:} of every container and init container in the workload documents of a file
 * (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, Pod, Argo Rollout,
 * also inside a {@code List}).
 */
public final class WorkloadImages {

    /** Where each workload kind keeps its pod spec. */
    private static final Map<String, List<String>> POD_SPEC = Map.of(
            "Pod", List.of("spec"),
            "Deployment", List.of("spec", "template", "spec"),
            "StatefulSet", List.of("spec", "template", "spec"),
            "DaemonSet", List.of("spec", "template", "spec"),
            "ReplicaSet", List.of("spec", "template", "spec"),
            "ReplicationController", List.of("spec", "template", "spec"),
            "Job", List.of("spec", "template", "spec"),
            "Rollout", List.of("spec", "template", "spec"),
            "CronJob", List.of("spec", "jobTemplate", "spec", "template", "spec"));

    private static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers");

    private WorkloadImages() {
    }

    /**
     * A container's {@code image:} value and where it is.
     *
     * @param node the scalar holding the reference
     * @param where the workload and container, e.g. {@code Deployment/web containers[app]}
     */
    public record ContainerImage(ScalarNode node, String where) {
        /** The reference, or empty when the value is no valid image reference (e.g. a placeholder). */
        public Optional<ImageReference> reference() {
            try {
                return Optional.of(ImageReference.parse(node.getValue()));
            } catch (InvalidImageReferenceException e) {
                return Optional.empty(); // e.g. a template placeholder: it names no image we could promote
            }
        }

        /**
         * The reference as written, when its name is valid, even if its tag or digest is not (a placeholder tag such
         * as {@code {GENERATED_TAG}}, a malformed digest): a promotion replaces those.
         */
        public Optional<WrittenReference> written() {
            return WrittenReference.parse(node.getValue());
        }
    }

    /** The container images of a file's workloads, in file order. */
    public static List<ContainerImage> of(YamlFile file) {
        List<ContainerImage> found = new ArrayList<>();
        for (Node document : file.documents()) {
            collect(document, found);
        }
        return found;
    }

    private static void collect(Node document, List<ContainerImage> found) {
        if (!(document instanceof MappingNode manifest)) {
            return;
        }
        String kind = YamlStructure.get(manifest, "kind").flatMap(YamlFile::scalar).orElse("");
        if (kind.equals("List")) {
            YamlStructure.get(manifest, "items").filter(SequenceNode.class::isInstance)
                    .ifPresent(items -> ((SequenceNode) items).getValue().forEach(item -> collect(item, found)));
            return;
        }
        List<String> specPath = POD_SPEC.get(kind);
        if (specPath == null) {
            return;
        }
        Node spec = manifest;
        for (String key : specPath) {
            spec = spec instanceof MappingNode m ? YamlStructure.get(m, key).orElse(null) : null;
        }
        if (!(spec instanceof MappingNode podSpec)) {
            return;
        }
        String workload = kind + "/" + YamlStructure.get(manifest, "metadata").filter(MappingNode.class::isInstance)
                .flatMap(m -> YamlStructure.get((MappingNode) m, "name")).flatMap(YamlFile::scalar).orElse("?");
        for (String list : CONTAINER_LISTS) {
            Optional<Node> containers = YamlStructure.get(podSpec, list);
            if (containers.isEmpty() || !(containers.get() instanceof SequenceNode sequence)) {
                continue;
            }
            for (Node item : sequence.getValue()) {
                if (item instanceof MappingNode container
                        && YamlStructure.get(container, "image").orElse(null) instanceof ScalarNode image) {
                    String name = YamlStructure.get(container, "name").flatMap(YamlFile::scalar).orElse("?");
                    found.add(new ContainerImage(image, workload + " " + list + "[" + name + "]"));
                }
            }
        }
    }
}
