package io.jenkins.plugins.gitopspromotion.update;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.yaml.TextEdit;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import java.util.stream.Collectors;

/**
 * The flow every YAML updater shares: parse within limits, plan text edits, splice them into the original
 * text, then parse the result again and read the image back, so that an edit which would not say what was
 * asked is refused instead of committed.
 */
abstract class YamlImageUpdater implements ImageUpdater {

    private final YamlLimits limits;

    YamlImageUpdater(YamlLimits limits) {
        this.limits = limits;
    }

    /** The references to the image, under any of its names, in a parsed file. */
    abstract List<ImageVersion> read(YamlFile file, ImageNames names);

    /**
     * The edits that make the file hold the update's version; none when it already does.
     *
     * @throws YamlEditException if the file does not reference the image or cannot be edited safely
     */
    abstract List<PlannedEdit> plan(YamlFile file, ImageUpdate update);

    /**
     * The part of an update this file can hold: a file with no place for a digest (a Helm values file
     * without {@code digestPath}, Flux markers without {@code :digest}) takes the tag alone. The default
     * is the whole update.
     *
     * @throws YamlEditException if the file can hold none of what is asked
     */
    ImageUpdate expressible(YamlFile file, ImageUpdate update) {
        return update;
    }

    @Override
    public final List<ImageVersion> read(String path, byte[] content, ImageNames names) {
        return read(YamlFile.parse(path, content, limits), names);
    }

    @Override
    public final FileChange apply(String path, byte[] content, ImageUpdate update) {
        YamlFile file = YamlFile.parse(path, content, limits);
        ImageUpdate expressible = expressible(file, update);
        List<PlannedEdit> planned = plan(file, expressible);
        if (planned.isEmpty()) {
            return new FileChange(path, content, content, List.of());
        }
        if (planned.stream().anyMatch(p -> p.change().oldValue() == null)) {
            // What a merge key brings in may already hold what would be added: the edit would duplicate it.
            refuseMergeKey(file);
        }
        String text = TextEdit.apply(file.source().text(), planned.stream().map(PlannedEdit::edit).toList());
        byte[] after = file.source().encode(text);
        verify(file, after, expressible);
        return new FileChange(path, content, after,
                planned.stream().map(PlannedEdit::change).sorted((a, b) -> Integer.compare(a.line(), b.line())).toList());
    }

    /**
     * The single mapping a kustomization or values file consists of; null for an empty file.
     *
     * @param what the kind of file, for messages
     */
    static MappingNode singleMapping(YamlFile file, String what) {
        List<Node> documents = file.documents();
        if (documents.size() > 1) {
            throw file.problem("refused: " + what + " must be a single YAML document, this file has " + documents.size());
        }
        if (documents.isEmpty()) {
            return null;
        }
        if (!(documents.get(0) instanceof MappingNode mapping)) {
            throw file.problem(documents.get(0), "refused: " + what + " must be a YAML mapping");
        }
        return mapping;
    }

    /** A change located at the line where an edit adds text. */
    static ValueChange addedAt(YamlFile file, TextEdit edit, String what, String newValue) {
        int line = file.source().lineOf(edit.start()) + (edit.replacement().startsWith(file.source().lineBreak()) ? 1 : 0);
        return new ValueChange(line, what, null, newValue);
    }

    /**
     * The name a place that writes the image's name as {@code written} takes from an update: empty when it keeps
     * its own (the update gives no new name, or the place already names that repository).
     *
     * @param at the node holding the name, for the line of a refusal
     * @param what the place, for messages
     * @throws YamlEditException if the place writes a name that is not one of the image's names: that name is the
     *     environment's own (a registry of its own, say), and is not replaced without being declared
     */
    static Optional<String> renamed(YamlFile file, Node at, ImageUpdate update, ImageReference written, String what) {
        if (!update.renames(written)) {
            return Optional.empty();
        }
        if (!update.names().names(written)) {
            throw file.problem(at, "refused: " + what + " is " + written.name() + ", which is not one of the names of "
                    + update.names() + ", so it is not renamed to " + update.newName().orElseThrow().name()
                    + "; add it to the app's otherNames in .gitops/promotion.yaml, or change it by hand");
        }
        return update.newName().map(ImageReference::name);
    }

    /**
     * Refuses a new name for a place that writes no name: it goes by the name the app is known by, and only
     * that name can be kept there.
     */
    static void refuseRenameWithoutName(YamlFile file, Node at, ImageUpdate update, String what) {
        if (update.renames(update.image())) {
            throw file.problem(at, "refused: " + what + " writes no image name, so it cannot take the new name "
                    + update.newName().orElseThrow().name() + "; add the name next to it first");
        }
    }

    /** Refuses to edit a file that takes entries from a merge key, naming where. */
    private static void refuseMergeKey(YamlFile file) {
        file.firstMergeKey().ifPresent(key -> {
            throw file.problem(key, "refused: the mapping here takes entries from a merge key ('<<'), which the editor does"
                    + " not follow, so it cannot tell what the file already holds; write the merged entries out in full");
        });
    }

    private void verify(YamlFile original, byte[] after, ImageUpdate update) {
        String path = original.source().path();
        List<ImageVersion> now;
        try {
            now = read(YamlFile.parse(path, after, limits), update.names());
        } catch (YamlEditException e) {
            refuseMergeKey(original);
            throw new YamlEditException(path, 0, "internal error: the edited file would not parse (" + e.getMessage()
                    + "); nothing was changed");
        }
        if (now.isEmpty() || !now.stream().allMatch(v -> v.matches(update))) {
            refuseMergeKey(original);
            throw new YamlEditException(path, 0, "internal error: after the edit the file would read "
                    + now.stream().map(ImageVersion::describe).collect(Collectors.joining(", "))
                    + " instead of " + update + "; nothing was changed");
        }
    }
}
