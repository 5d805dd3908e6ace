package io.jenkins.plugins.gitopspromotion.update;

import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import io.jenkins.plugins.gitopspromotion.image.WrittenReference;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import io.jenkins.plugins.gitopspromotion.yaml.YamlScalars;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Updates plain Kubernetes manifests: every {@code image:} of a container or init container, in every
 * workload document of a (multi-document) file, that names the app's image (under any of its names). The name
 * stays as the file writes it unless the update gives a new one; the tag and digest are replaced whatever they
 * were, as Kustomize's image transformer replaces them (a placeholder tag such as {@code {GENERATED_TAG}}, a
 * malformed digest). A reference of the image whose tag or digest no such tool would replace ({@code ${TAG}}) is
 * refused, never skipped.
 */
public final class ManifestsUpdater extends YamlImageUpdater {

    /** An updater with the given parse limits. */
    public ManifestsUpdater(YamlLimits limits) {
        super(limits);
    }

    @Override
    public UpdateKind kind() {
        return UpdateKind.MANIFESTS;
    }

    @Override
    List<ImageVersion> read(YamlFile file, ImageNames names) {
        List<ImageVersion> versions = new ArrayList<>();
        for (WorkloadImages.ContainerImage c : WorkloadImages.of(file)) {
            c.written().filter(w -> names.names(w.name())).ifPresent(w -> versions.add(ImageVersion.written(
                    file.source().path(), file.line(c.node()), c.where(), w.tag(), w.digest()).named(Optional.of(w.name()))));
        }
        return versions;
    }

    @Override
    List<PlannedEdit> plan(YamlFile file, ImageUpdate update) {
        List<PlannedEdit> edits = new ArrayList<>();
        TreeSet<String> others = new TreeSet<>();
        boolean found = false;
        for (WorkloadImages.ContainerImage c : WorkloadImages.of(file)) {
            Optional<WrittenReference> reference = c.written();
            if (reference.isEmpty() || !update.names().names(reference.get().name())) {
                others.add(c.node().getValue());
                continue;
            }
            found = true;
            // Never a silent partial edit: a reference of the image that cannot be replaced stops the whole file.
            Optional<String> problem = reference.get().problem();
            if (problem.isPresent()) {
                throw file.problem(c.node(), "refused: " + c.where() + ".image " + InvalidImageReferenceException.quote(
                        c.node().getValue()) + " names " + update.image().name() + ", but " + problem.get()
                        + "; write a tag there, or change the reference by hand");
            }
            String name = renamed(file, c.node(), update, reference.get().name(), c.where() + ".image")
                    .orElse(reference.get().name().name());
            String newValue = update.referenceNamed(name).toString();
            if (!newValue.equals(c.node().getValue())) {
                edits.add(new PlannedEdit(YamlScalars.replace(file, c.node(), newValue, c.where() + ".image"),
                        new ValueChange(file.line(c.node()), c.where() + ".image", c.node().getValue(), newValue)));
            }
        }
        if (!found) {
            throw file.problem("no container image named " + update.names() + " in the workloads of this file"
                    + (others.isEmpty() ? " (it has no container images)" : " (it has: " + String.join(", ", others) + ")"));
        }
        return edits;
    }
}
