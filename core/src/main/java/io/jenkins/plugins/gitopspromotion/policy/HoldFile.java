package io.jenkins.plugins.gitopspromotion.policy;

import io.jenkins.plugins.gitopspromotion.config.ConfigException;
import io.jenkins.plugins.gitopspromotion.config.FileTooLargeException;
import io.jenkins.plugins.gitopspromotion.config.RepoTree;
import io.jenkins.plugins.gitopspromotion.yaml.TextEdit;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLayout;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import io.jenkins.plugins.gitopspromotion.yaml.YamlStructure;
import io.jenkins.plugins.gitopspromotion.yaml.YamlText;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The holds of a config repository, {@code .gitops/holds.yaml}: read strictly (an error names the file, the line and
 * the key, and a promotion fails rather than ignore a hold it cannot read), and changed by splicing the file's text
 * like every other edit, so that comments and order people gave it stay.
 *
 * <pre>
 * holds:
 *   - app: web
 *     env: prod
 *     by: Jane Doe &lt;jane@example.com&gt;
 *     at: 2026-12-06T07:40:00Z
 *     reason: 1.5.0 leaks memory
 * </pre>
 */
public final class HoldFile {

    /** Where the holds are, from the repository root. */
    public static final String PATH = ".gitops/holds.yaml";

    /** What a new file starts with: it tells whoever opens it what it is for. */
    private static final String HEADER = "# Cells held by rollbacks: promotions into them are refused until the hold is released\n"
            + "# (gitops-promotion release --env ENV --app APP, or the promotion view's Release button).\n";

    /** Indented sequences, as most people write them, when the file shows no layout of its own. */
    private static final YamlLayout LAYOUT = new YamlLayout(2, 2);

    private final YamlFile file;
    private final Map<Hold, Node> holds;

    private HoldFile(YamlFile file, Map<Hold, Node> holds) {
        this.file = file;
        this.holds = holds;
    }

    /**
     * The holds of a tree; none when it has no {@link #PATH}.
     *
     * @throws ConfigException if the file is invalid, naming the line and key
     * @throws IOException if the tree cannot be read
     */
    public static HoldFile read(RepoTree tree) throws IOException {
        try {
            return parse(tree.read(PATH, YamlLimits.DEFAULT.maxBytes()).orElse(new byte[0]));
        } catch (FileTooLargeException e) {
            throw new ConfigException(PATH, 0, null, e.problem() + " for a YAML file", e);
        }
    }

    /**
     * Parses the holds file's bytes; an empty file holds nothing.
     *
     * @throws ConfigException if the file is invalid, naming the line and key
     */
    public static HoldFile parse(byte[] bytes) {
        YamlFile file;
        try {
            file = YamlFile.parse(PATH, bytes, YamlLimits.DEFAULT);
        } catch (YamlEditException e) {
            throw new ConfigException(PATH, e.line(), null, e.problem(), e);
        }
        return new HoldFile(file, new HoldsReader(file).holds());
    }

    /** Every hold, in the file's order. */
    public List<Hold> holds() {
        return List.copyOf(holds.keySet());
    }

    /** The hold on {@code app} in {@code env}, if there is one. */
    public Optional<Hold> of(String app, String env) {
        return holds.keySet().stream().filter(h -> h.on(app, env)).findFirst();
    }

    /**
     * The file's bytes with {@code hold} added last, in place of any earlier hold on the same cell; a new file starts
     * with a comment saying what it is for.
     *
     * @throws YamlEditException if the file cannot be edited safely (an anchor around the list, say)
     */
    public byte[] place(Hold hold) {
        if (of(hold.app(), hold.env()).isPresent()) {
            // Removed first, then added to what is left: one way for block and flow lists alike.
            return parse(release(hold.app(), hold.env())).place(hold);
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("app", hold.app());
        item.put("env", hold.env());
        item.put("by", hold.by());
        item.put("at", hold.at().toString());
        item.put("reason", hold.reason());
        YamlFile target = file.documents().isEmpty() || !(file.documents().get(0) instanceof MappingNode) ? withHoldsKey(file) : file;
        MappingNode root = (MappingNode) target.documents().get(0);
        YamlStructure structure = new YamlStructure(target, YamlLayout.of(target, LAYOUT));
        Optional<NodeTuple> entry = YamlStructure.entry(root, "holds");
        TextEdit edit = entry.isEmpty() ? structure.addEntry(root, "holds", List.of(item))
                : entry.get().getValueNode() instanceof SequenceNode list ? structure.addItem(list, item)
                : structure.fillEmpty(root, entry.get(), List.of(item));
        return target.source().encode(TextEdit.apply(target.source().text(), List.of(edit)));
    }

    /** An empty (or comments only) file with an empty {@code holds:} key added after what it has. */
    private static YamlFile withHoldsKey(YamlFile file) {
        YamlText source = file.source();
        String text = source.text().isBlank() ? HEADER.replace("\n", source.lineBreak())
                : source.text() + (source.endsWithLineBreak() ? "" : source.lineBreak());
        return YamlFile.parse(PATH, source.encode(text + "holds:" + source.lineBreak()), YamlLimits.DEFAULT);
    }

    /**
     * The file's bytes without the hold on {@code app} in {@code env}.
     *
     * @throws IllegalArgumentException if there is no such hold
     */
    public byte[] release(String app, String env) {
        Hold hold = of(app, env).orElseThrow(() -> new IllegalArgumentException(app + " is not held in " + env));
        TextEdit edit = new YamlStructure(file, YamlLayout.of(file, LAYOUT)).removeItem(sequence(), holds.get(hold));
        return file.source().encode(TextEdit.apply(file.source().text(), List.of(edit)));
    }

    /** The {@code holds:} list, which a file holding a hold has. */
    private SequenceNode sequence() {
        return (SequenceNode) YamlStructure.get((MappingNode) file.documents().get(0), "holds").orElseThrow();
    }
}
