package io.jenkins.plugins.gitopspromotion.update;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import io.jenkins.plugins.gitopspromotion.yaml.YamlScalars;
import io.jenkins.plugins.gitopspromotion.yaml.YamlStructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Updates plain Kubernetes manifests: every {@code image:} of a container or init container, in every
 * workload document of a (multi-document) file, that names the app's image. The name stays as the file
 * writes it; only the tag and digest change.
 */
public final class ManifestsUpdater extends YamlImageUpdater {

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

    /** An updater with the given parse limits. */
    public ManifestsUpdater(YamlLimits limits) {
        super(limits);
    }

    @Override
    public UpdateKind kind() {
        return UpdateKind.MANIFESTS;
    }

    @Override
    List<ImageVersion> read(YamlFile file, ImageReference image) {
        List<ImageVersion> versions = new ArrayList<>();
        for (ContainerImage c : containerImages(file)) {
            c.reference().filter(r -> r.sameRepositoryAs(image)).ifPresent(r -> versions.add(new ImageVersion(
                    file.source().path(), file.line(c.node()), c.where(), r.tag(), r.digest())));
        }
        return versions;
    }

    @Override
    List<PlannedEdit> plan(YamlFile file, ImageUpdate update) {
        List<PlannedEdit> edits = new ArrayList<>();
        TreeSet<String> others = new TreeSet<>();
        boolean found = false;
        for (ContainerImage c : containerImages(file)) {
            Optional<ImageReference> reference = c.reference();
            if (reference.isEmpty() || !reference.get().sameRepositoryAs(update.image())) {
                others.add(c.node().getValue());
                continue;
            }
            found = true;
            String newValue = update.referenceNamed(reference.get().name()).toString();
            if (!newValue.equals(c.node().getValue())) {
                edits.add(new PlannedEdit(YamlScalars.replace(file, c.node(), newValue, c.where() + ".image"),
                        new ValueChange(file.line(c.node()), c.where() + ".image", c.node().getValue(), newValue)));
            }
        }
        if (!found) {
            throw file.problem("no container image named " + update.image().name() + " in the workloads of this file"
                    + (others.isEmpty() ? " (it has no container images)" : " (it has: " + String.join(", ", others) + ")"));
        }
        return edits;
    }

    /** A container's {@code image:} value and where it is. */
    private record ContainerImage(ScalarNode node, String where) {
        Optional<ImageReference> reference() {
            try {
                return Optional.of(ImageReference.parse(node.getValue()));
            } catch (InvalidImageReferenceException e) {
                return Optional.empty(); // e.g. a template placeholder: it names no image we could promote
            }
        }
    }

    private static List<ContainerImage> containerImages(YamlFile file) {
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
