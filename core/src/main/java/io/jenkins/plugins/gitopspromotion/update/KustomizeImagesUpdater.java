package io.jenkins.plugins.gitopspromotion.update;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import io.jenkins.plugins.gitopspromotion.yaml.TextEdit;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLayout;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import io.jenkins.plugins.gitopspromotion.yaml.YamlScalars;
import io.jenkins.plugins.gitopspromotion.yaml.YamlStructure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Updates the {@code images:} list of a {@code kustomization.yaml}, as {@code kustomize edit set image}
 * would, but without rewriting the file: sets {@code newTag} and {@code digest} of the app's entry (found by
 * {@code name}, or by {@code newName} when the entry renames an image, under any of the image's names), and
 * {@code newName} when the update renames the image; adds the entry, or the {@code images:} key, when missing.
 */
public final class KustomizeImagesUpdater extends YamlImageUpdater {

    private static final String KIND = "a kustomization";

    /** An updater with the given parse limits. */
    public KustomizeImagesUpdater(YamlLimits limits) {
        super(limits);
    }

    @Override
    public UpdateKind kind() {
        return UpdateKind.KUSTOMIZE;
    }

    @Override
    List<ImageVersion> read(YamlFile file, ImageNames names) {
        MappingNode root = singleMapping(file, KIND);
        List<ImageVersion> versions = new ArrayList<>();
        if (root == null) {
            return versions;
        }
        Optional<MappingNode> entry = entryFor(file, root, names);
        entry.ifPresent(e -> versions.add(ImageVersion.written(file.source().path(), file.line(e), where(names.image()),
                YamlStructure.get(e, "newTag").flatMap(YamlFile::scalar),
                YamlStructure.get(e, "digest").flatMap(YamlFile::scalar)).named(deployedName(e))));
        return versions;
    }

    @Override
    List<PlannedEdit> plan(YamlFile file, ImageUpdate update) {
        MappingNode root = singleMapping(file, KIND);
        if (root == null) {
            throw file.problem("refused: the kustomization is empty");
        }
        YamlStructure structure = new YamlStructure(file, YamlLayout.of(file, YamlLayout.KUSTOMIZE));
        String where = where(update.image());
        Optional<MappingNode> entry = entryFor(file, root, update.names());
        if (entry.isPresent()) {
            List<PlannedEdit> edits = new ArrayList<>();
            rename(file, structure, entry.get(), update, where, edits);
            setOrRemove(file, structure, entry.get(), "newTag", update.tag(), where, edits);
            setOrRemove(file, structure, entry.get(), "digest", update.digest().map(Digest::toString), where, edits);
            return edits;
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", update.image().name());
        if (update.renames(update.image())) {
            item.put("newName", update.newName().orElseThrow().name()); // the base's workloads use the name the app is known by
        }
        update.tag().ifPresent(t -> item.put("newTag", t));
        update.digest().ifPresent(d -> item.put("digest", d.toString()));
        Optional<NodeTuple> images = YamlStructure.entry(root, "images");
        if (images.isEmpty()) {
            TextEdit edit = structure.addEntry(root, "images", List.of(item));
            return List.of(new PlannedEdit(edit, addedAt(file, edit, where, update.toString())));
        }
        Node list = images.get().getValueNode();
        if (list instanceof SequenceNode sequence) {
            TextEdit edit = structure.addItem(sequence, item);
            return List.of(new PlannedEdit(edit, addedAt(file, edit, where, update.toString())));
        }
        if (list instanceof ScalarNode empty && empty.getValue().isEmpty() && empty.isPlain()) {
            TextEdit edit = structure.fillEmpty(root, images.get(), List.of(item));
            return List.of(new PlannedEdit(edit, addedAt(file, edit, where, update.toString())));
        }
        throw file.problem(list, "refused: 'images' must be a list of images");
    }

    private static void setOrRemove(YamlFile file, YamlStructure structure, MappingNode entry, String key,
            Optional<String> value, String where, List<PlannedEdit> edits) {
        Optional<NodeTuple> existing = YamlStructure.entry(entry, key);
        String what = where + "." + key;
        if (existing.isPresent()) {
            Node node = existing.get().getValueNode();
            if (!(node instanceof ScalarNode scalar)) {
                throw file.problem(node, "refused: " + what + " must be a single value");
            }
            String old = scalar.getValue();
            if (value.isPresent() && !value.get().equals(old)) {
                edits.add(new PlannedEdit(YamlScalars.replace(file, scalar, value.get(), what),
                        new ValueChange(file.line(scalar), what, old, value.get())));
            } else if (value.isEmpty() && !old.isEmpty()) {
                // A stale tag or digest would keep deploying, or describing, the old version.
                edits.add(new PlannedEdit(structure.removeEntry(entry, existing.get()),
                        new ValueChange(file.line(scalar), what, old, null)));
            }
        } else if (value.isPresent()) {
            TextEdit edit = structure.addEntry(entry, key, value.get());
            edits.add(new PlannedEdit(edit, addedAt(file, edit, what, value.get())));
        }
    }

    /**
     * Sets {@code newName} when the update renames the image, as {@code kustomize edit set image name=newName}
     * does, and removes it when the new name is the entry's {@code name}; a {@code newName} that is no valid name is
     * overwritten.
     */
    private static void rename(YamlFile file, YamlStructure structure, MappingNode entry, ImageUpdate update, String where,
            List<PlannedEdit> edits) {
        if (update.newName().isEmpty()) {
            return;
        }
        Node at = YamlStructure.get(entry, "newName").or(() -> YamlStructure.get(entry, "name")).orElseThrow();
        Optional<String> name = deployedName(entry).map(n -> renamed(file, at, update, n, where + ".newName"))
                .orElseGet(() -> update.newName().map(ImageReference::name));
        if (name.isPresent()) {
            // Back to the name the entry matches (a rollback past a rename): no newName, as before the rename.
            Optional<String> matched = YamlStructure.get(entry, "name").flatMap(YamlFile::scalar);
            setOrRemove(file, structure, entry, "newName", name.filter(n -> !n.equals(matched.orElse(null))), where, edits);
        }
    }

    /** The name an entry deploys: its {@code newName}, else its {@code name}; empty when that is no valid name. */
    private static Optional<ImageReference> deployedName(MappingNode entry) {
        Optional<String> written = YamlStructure.get(entry, "newName").flatMap(YamlFile::scalar).filter(n -> !n.isEmpty())
                .or(() -> YamlStructure.get(entry, "name").flatMap(YamlFile::scalar));
        try {
            return written.map(ImageReference::parseName);
        } catch (InvalidImageReferenceException e) {
            return Optional.empty();
        }
    }

    /** The {@code images:} entry for the image, matched by {@code name}, else by {@code newName}. */
    private static Optional<MappingNode> entryFor(YamlFile file, MappingNode root, ImageNames names) {
        Optional<Node> images = YamlStructure.get(root, "images");
        if (images.isEmpty() || !(images.get() instanceof SequenceNode sequence)) {
            return Optional.empty();
        }
        for (String key : List.of("name", "newName")) {
            List<MappingNode> found = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (item instanceof MappingNode entry && YamlStructure.get(entry, key).flatMap(YamlFile::scalar)
                        .filter(names::names).isPresent()) {
                    found.add(entry);
                }
            }
            if (found.size() > 1) {
                throw file.problem(found.get(1), "refused: more than one images entry has " + key + " "
                        + names + " (lines " + file.line(found.get(0)) + " and " + file.line(found.get(1)) + ")");
            }
            if (found.size() == 1) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    private static String where(ImageReference image) {
        return "images[" + image.name() + "]";
    }
}
