package io.jenkins.plugins.gitopspromotion.update;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import io.jenkins.plugins.gitopspromotion.yaml.TextEdit;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLayout;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import io.jenkins.plugins.gitopspromotion.yaml.YamlPath;
import io.jenkins.plugins.gitopspromotion.yaml.YamlScalars;
import io.jenkins.plugins.gitopspromotion.yaml.YamlStructure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Updates a Helm values file: the tag at {@code tagPath} (default {@code image.tag}) and, when configured,
 * the digest at {@code digestPath}. Missing keys on the way are added. When the mapping holding the tag
 * also names a {@code repository} (with an optional {@code registry}, Bitnami style), it must name the
 * app's image (under one of its names), so that a wrong path cannot promote one image's version into
 * another's; an update with a new name writes it there.
 */
public final class HelmValuesUpdater extends YamlImageUpdater {

    private static final String KIND = "a Helm values file";

    /** The path used when the config names none. */
    public static final YamlPath DEFAULT_TAG_PATH = YamlPath.parse("image.tag");

    private final YamlPath tagPath;
    private final Optional<YamlPath> digestPath;

    /**
     * @param tagPath where the tag is, e.g. {@code image.tag}
     * @param digestPath where the digest is, if the chart takes one
     */
    public HelmValuesUpdater(YamlPath tagPath, Optional<YamlPath> digestPath, YamlLimits limits) {
        super(limits);
        this.tagPath = Objects.requireNonNull(tagPath);
        this.digestPath = Objects.requireNonNull(digestPath);
    }

    @Override
    public UpdateKind kind() {
        return UpdateKind.HELM_VALUES;
    }

    @Override
    List<ImageVersion> read(YamlFile file, ImageNames names) {
        MappingNode root = singleMapping(file, KIND);
        if (root == null || !namesImage(root, names)) {
            return List.of();
        }
        Optional<ScalarNode> tag = find(root, tagPath);
        Optional<ScalarNode> digest = digestPath.flatMap(p -> find(root, p));
        if (tag.isEmpty() && digest.isEmpty()) {
            return List.of();
        }
        int line = file.line(tag.isPresent() ? tag.get() : digest.get());
        return List.of(ImageVersion.written(file.source().path(), line, tagPath.toString(), tag.map(ScalarNode::getValue),
                digest.map(ScalarNode::getValue)).named(holder(root).flatMap(HelmValuesUpdater::writtenName)));
    }

    @Override
    ImageUpdate expressible(YamlFile file, ImageUpdate update) {
        if (digestPath.isPresent() || update.digest().isEmpty()) {
            return update;
        }
        if (update.tag().isEmpty()) {
            throw file.problem("refused: a digest was given but this app has no digestPath for its Helm values; "
                    + "promote with a tag, or set digestPath in .gitops/promotion.yaml");
        }
        return update.withVersion(update.tag(), Optional.empty());
    }

    @Override
    List<PlannedEdit> plan(YamlFile file, ImageUpdate update) {
        MappingNode root = singleMapping(file, KIND);
        if (root == null) {
            throw file.problem("refused: the Helm values file is empty; add " + tagPath + " to it first");
        }
        if (!namesImage(root, update.names())) {
            throw file.problem("refused: the values next to " + tagPath + " name another image than "
                    + update.names() + "; check tagPath in .gitops/promotion.yaml");
        }
        YamlStructure structure = new YamlStructure(file, YamlLayout.of(file, YamlLayout.KUSTOMIZE));
        List<PlannedEdit> edits = new ArrayList<>();
        rename(file, root, update, edits);
        set(file, structure, root, tagPath, update.tag(), edits);
        if (digestPath.isPresent()) {
            set(file, structure, root, digestPath.get(), update.digest().map(Digest::toString), edits);
        }
        return edits;
    }

    /** Sets a value, or empties it when the update has none (a stale digest would pin the old image). */
    private static void set(YamlFile file, YamlStructure structure, MappingNode root, YamlPath path,
            Optional<String> value, List<PlannedEdit> edits) {
        String what = path.toString();
        Node node = root;
        Node where = root; // the key (or item) last gone through, for the line of a message
        List<String> segments = path.segments();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            Node next;
            if (node instanceof MappingNode mapping) {
                if (path.isListIndex(i)) {
                    throw file.problem(where, "refused: " + what + ": '" + segments.get(i - 1) + "' is a mapping, and ["
                            + segment + "] indexes a list; a chart reads no key \"" + segment + "\" (check the path in"
                            + " .gitops/promotion.yaml)");
                }
                Optional<NodeTuple> entry = YamlStructure.entry(mapping, segment);
                boolean empty = entry.isPresent() && i + 1 < segments.size() && isEmpty(entry.get().getValueNode());
                if (entry.isEmpty() || empty) {
                    if (entry.isEmpty()) {
                        structure.getUnmerged(mapping, segment, what);
                    }
                    if (value.isEmpty()) {
                        return; // nothing to clear
                    }
                    refuseAddedListItem(file, path, i, entry.isEmpty() ? mapping : entry.get().getKeyNode());
                    Object added = nested(segments.subList(i + 1, segments.size()), value.get());
                    TextEdit edit = entry.isEmpty() ? structure.addEntry(mapping, segment, added)
                            : structure.fillEmpty(mapping, entry.get(), added);
                    edits.add(new PlannedEdit(edit, addedAt(file, edit, what, value.get())));
                    return;
                }
                where = entry.get().getKeyNode();
                next = entry.get().getValueNode();
            } else if (node instanceof SequenceNode sequence && YamlPath.isIndex(segment)) {
                int index = Integer.parseInt(segment);
                if (index >= sequence.getValue().size()) {
                    throw file.problem(sequence, "refused: " + what + " names item " + index + " of a list of "
                            + sequence.getValue().size());
                }
                next = sequence.getValue().get(index);
                where = next;
            } else {
                throw file.problem(node, "refused: " + what + " goes through a " + describe(node) + " at '" + segment + "'");
            }
            node = next;
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw file.problem(node, "refused: " + what + " is a " + describe(node) + ", not a single value");
        }
        replace(file, scalar, value.orElse(""), what, edits);
    }

    /**
     * Refuses to add the missing rest of a path from {@code missing} on when it goes through a list item
     * ({@code [n]}): added keys are mappings, and a mapping with a key {@code "0"} is no list.
     */
    private static void refuseAddedListItem(YamlFile file, YamlPath path, int missing, Node where) {
        for (int i = missing; i < path.segments().size(); i++) {
            if (path.isListIndex(i)) {
                throw file.problem(where, "refused: " + path + ": '" + path.segments().get(missing) + "' is missing, and ["
                        + path.segments().get(i) + "] is an item of a list, which this path cannot add; add the list to the"
                        + " file first");
            }
        }
    }

    private static Object nested(List<String> keys, String value) {
        Object result = value;
        for (int i = keys.size() - 1; i >= 0; i--) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(keys.get(i), result);
            result = map;
        }
        return result;
    }

    private static Optional<ScalarNode> find(MappingNode root, YamlPath path) {
        return at(root, path, path.segments().size()).filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast);
    }

    /**
     * The node the first {@code count} segments of a path lead to, when each exists: a key of a mapping (never a
     * {@code [n]}), or an item of a list.
     */
    private static Optional<Node> at(MappingNode root, YamlPath path, int count) {
        Node node = root;
        for (int i = 0; i < count && node != null; i++) {
            String segment = path.segments().get(i);
            if (node instanceof MappingNode mapping && !path.isListIndex(i)) {
                node = YamlStructure.get(mapping, segment).orElse(null);
            } else if (node instanceof SequenceNode sequence && YamlPath.isIndex(segment)
                    && Integer.parseInt(segment) < sequence.getValue().size()) {
                node = sequence.getValue().get(Integer.parseInt(segment));
            } else {
                node = null;
            }
        }
        return Optional.ofNullable(node);
    }

    /** False only when the tag's mapping names a repository that is clearly another image. */
    private boolean namesImage(MappingNode root, ImageNames names) {
        Optional<String> name = holder(root).flatMap(HelmValuesUpdater::imageName);
        return name.isEmpty() || names.names(name.get());
    }

    /** The mapping that holds the tag, where charts keep the image's {@code repository} too. */
    private Optional<MappingNode> holder(MappingNode root) {
        return at(root, tagPath, tagPath.segments().size() - 1).filter(MappingNode.class::isInstance)
                .map(MappingNode.class::cast);
    }

    /**
     * Writes the new name into the {@code repository} next to the tag (and its {@code registry}, Bitnami style, when
     * it has one), as Argo CD Image Updater's Helm write-back sets the name parameter.
     */
    private void rename(YamlFile file, MappingNode root, ImageUpdate update, List<PlannedEdit> edits) {
        if (update.newName().isEmpty()) {
            return;
        }
        String path = tagPath.toString();
        String prefix = path.substring(0, path.lastIndexOf('.') + 1); // where the tag's mapping is, e.g. "image."
        Optional<MappingNode> holder = holder(root);
        Optional<ScalarNode> repository = holder.flatMap(h -> YamlStructure.get(h, "repository"))
                .filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast);
        if (repository.isEmpty()) {
            refuseRenameWithoutName(file, holder.map(Node.class::cast).orElse(root), update,
                    "the values at " + tagPath + " (no " + prefix + "repository next to it)");
            return;
        }
        Optional<ImageReference> written = writtenName(holder.get());
        // A repository that names nothing valid is overwritten (a template is refused when it is replaced).
        Optional<String> name = written.isPresent()
                ? renamed(file, repository.get(), update, written.get(), prefix + "repository")
                : update.newName().map(ImageReference::name);
        if (name.isEmpty()) {
            return;
        }
        ImageReference target = ImageReference.parseName(name.get());
        Optional<ScalarNode> registry = YamlStructure.get(holder.get(), "registry").filter(ScalarNode.class::isInstance)
                .map(ScalarNode.class::cast).filter(r -> !r.getValue().isEmpty());
        if (registry.isPresent()) {
            // A name without registry is on Docker Hub; its normalized form starts with that registry's host.
            String normalized = target.normalizedName();
            String host = target.registry().orElse(normalized.substring(0, normalized.indexOf('/')));
            replace(file, registry.get(), host, prefix + "registry", edits);
            replace(file, repository.get(), target.repository(), prefix + "repository", edits);
        } else {
            replace(file, repository.get(), target.name(), prefix + "repository", edits);
        }
    }

    private static void replace(YamlFile file, ScalarNode node, String value, String what, List<PlannedEdit> edits) {
        if (!value.equals(node.getValue())) {
            edits.add(new PlannedEdit(YamlScalars.replace(file, node, value, what),
                    new ValueChange(file.line(node), what, node.getValue(), value)));
        }
    }

    private static Optional<ImageReference> writtenName(MappingNode holder) {
        try {
            return imageName(holder).map(ImageReference::parseName);
        } catch (InvalidImageReferenceException e) {
            return Optional.empty();
        }
    }

    /**
     * The image a Helm values mapping names: {@code registry/repository} (Bitnami style) or {@code repository};
     * empty when it names none, or only through a template ({@code {{ … }}}).
     */
    public static Optional<String> imageName(MappingNode holder) {
        Optional<String> repository = YamlStructure.get(holder, "repository").flatMap(YamlFile::scalar)
                .filter(r -> !r.isEmpty() && !r.contains("{{"));
        return repository.map(r -> YamlStructure.get(holder, "registry").flatMap(YamlFile::scalar).filter(g -> !g.isEmpty())
                .map(g -> g + "/" + r).orElse(r));
    }

    private static boolean isEmpty(Node node) {
        return node instanceof ScalarNode s && s.isPlain() && s.getValue().isEmpty();
    }

    private static String describe(Node node) {
        return switch (node.getNodeType()) {
            case MAPPING -> "mapping";
            case SEQUENCE -> "list";
            default -> "single value";
        };
    }
}
