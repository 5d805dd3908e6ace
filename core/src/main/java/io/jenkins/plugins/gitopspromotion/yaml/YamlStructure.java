package io.jenkins.plugins.gitopspromotion.yaml;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Finds entries and computes the text edits that add or remove mapping entries and sequence items in a
 * parsed file, in the file's own style (block or flow, its indentation, its line break), touching nothing
 * else. Hand-written for the same reason as {@link YamlScalars}: no YAML library inserts into a document
 * while leaving every other byte alone.
 *
 * <p>New values are small trees of {@link String} (a scalar, rendered with {@link YamlScalars#render}),
 * {@link Map} with {@code String} keys (kept in iteration order) and {@link List}.
 */
public final class YamlStructure {

    private final YamlFile file;
    private final String text;
    private final YamlLayout layout;

    /**
     * @param layout the indentation to use for added block content, usually {@link YamlLayout#of}
     */
    public YamlStructure(YamlFile file, YamlLayout layout) {
        this.file = file;
        this.text = file.source().text();
        this.layout = layout;
    }

    /** The entry under a plain key, if present. */
    public static Optional<NodeTuple> entry(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                return Optional.of(tuple);
            }
        }
        return Optional.empty();
    }

    /** The value under a key, if present. */
    public static Optional<Node> get(MappingNode mapping, String key) {
        return entry(mapping, key).map(NodeTuple::getValueNode);
    }

    /**
     * The value under a key, refusing to guess when the key is absent but the mapping merges entries from
     * elsewhere ({@code <<: *base}): the value may come from there, and changing it here would not be seen.
     */
    public Optional<Node> getUnmerged(MappingNode mapping, String key, String what) {
        Optional<Node> value = get(mapping, key);
        if (value.isEmpty() && YamlFile.hasMergeKey(mapping)) {
            throw file.problem(mapping, "refused: " + what + " may come from a merge key ('<<'); "
                    + "set it explicitly in this mapping first");
        }
        return value;
    }

    /** An edit adding {@code key: value} as the mapping's last entry. */
    public TextEdit addEntry(MappingNode mapping, String key, Object value) {
        refuseAnchored(mapping, key);
        String renderedKey = YamlScalars.render(key);
        if (mapping.getFlowStyle() == FlowStyle.FLOW) {
            String entry = renderedKey + ": " + flow(value);
            if (mapping.getValue().isEmpty()) {
                return TextEdit.insert(openingBracket(mapping) + 1, entry);
            }
            return TextEdit.insert(contentEnd(last(mapping).getValueNode()), ", " + entry);
        }
        if (mapping.getValue().isEmpty()) {
            throw file.problem(mapping, "refused: cannot add '" + key + "' to an empty block mapping");
        }
        int indent = file.column(mapping.getValue().get(0).getKeyNode());
        StringBuilder out = new StringBuilder();
        appendEntry(out, indent, renderedKey, value);
        return insertLines(contentEnd(last(mapping).getValueNode()), out.toString());
    }

    /**
     * An edit giving an entry whose value is empty ({@code key:} with nothing after it) a value, in block
     * style under a block mapping.
     */
    public TextEdit fillEmpty(MappingNode mapping, NodeTuple tuple, Object value) {
        if (!(tuple.getValueNode() instanceof ScalarNode empty) || !empty.isPlain() || !empty.getValue().isEmpty()) {
            throw new IllegalArgumentException("not an empty value: " + tuple);
        }
        String what = YamlFile.scalar(tuple.getKeyNode()).orElse("an entry");
        refuseAnchored(mapping, what);
        if (value instanceof String scalar) {
            return YamlScalars.replace(file, empty, scalar, what);
        }
        if (mapping.getFlowStyle() == FlowStyle.FLOW) {
            return new TextEdit(file.end(empty), file.end(empty), " " + flow(value));
        }
        StringBuilder out = new StringBuilder();
        appendValue(out, file.column(tuple.getKeyNode()), value);
        // The line break that ended `key:` still ends the last added line.
        return TextEdit.insert(file.end(empty), out.substring(0, out.length() - file.source().lineBreak().length()));
    }

    /** An edit appending an item to a sequence. */
    public TextEdit addItem(SequenceNode sequence, Object item) {
        refuseAnchored(sequence, "an item");
        if (sequence.getFlowStyle() == FlowStyle.FLOW) {
            if (sequence.getValue().isEmpty()) {
                return TextEdit.insert(openingBracket(sequence) + 1, flow(item));
            }
            List<Node> items = sequence.getValue();
            return TextEdit.insert(contentEnd(items.get(items.size() - 1)), ", " + flow(item));
        }
        int dash = file.column(sequence);
        Node first = sequence.getValue().get(0);
        int itemIndent = file.line(first) == file.line(sequence) ? file.column(first) : dash + 2;
        StringBuilder out = new StringBuilder();
        appendItem(out, dash, itemIndent - dash - 1, item);
        List<Node> items = sequence.getValue();
        return insertLines(contentEnd(items.get(items.size() - 1)), out.toString());
    }

    /**
     * An edit removing one entry of a mapping: its whole lines when it stands on lines of its own, else (the
     * first entry of a sequence item, {@code - key: v}) the text up to the next entry.
     */
    public TextEdit removeEntry(MappingNode mapping, NodeTuple tuple) {
        refuseAnchored(mapping, YamlFile.scalar(tuple.getKeyNode()).orElse("an entry"));
        List<NodeTuple> entries = mapping.getValue();
        int index = entries.indexOf(tuple);
        int keyStart = file.start(tuple.getKeyNode());
        int valueEnd = contentEnd(tuple.getValueNode());
        if (mapping.getFlowStyle() == FlowStyle.FLOW) {
            if (index > 0) {
                return new TextEdit(contentEnd(entries.get(index - 1).getValueNode()), valueEnd, "");
            }
            if (entries.size() > 1) {
                return new TextEdit(keyStart, file.start(entries.get(1).getKeyNode()), "");
            }
            return new TextEdit(keyStart, valueEnd, "");
        }
        int lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
        if (text.substring(lineStart, keyStart).isBlank()) {
            return removeLines(lineStart, valueEnd);
        }
        if (index + 1 < entries.size()) {
            return new TextEdit(keyStart, file.start(entries.get(index + 1).getKeyNode()), "");
        }
        throw file.problem(tuple.getKeyNode(), "refused: cannot remove the only entry of a sequence item");
    }

    /**
     * An edit removing one item of a sequence: in block style, the lines from its dash to its last value (comments on
     * the lines after it stay, as they may introduce what follows); in flow style, the item and one comma.
     */
    public TextEdit removeItem(SequenceNode sequence, Node item) {
        refuseAnchored(sequence, "an item");
        List<Node> items = sequence.getValue();
        int index = items.indexOf(item);
        if (index < 0) {
            throw new IllegalArgumentException("not an item of the sequence: " + item);
        }
        if (sequence.getFlowStyle() == FlowStyle.FLOW) {
            if (index > 0) {
                return new TextEdit(contentEnd(items.get(index - 1)), contentEnd(item), "");
            }
            return new TextEdit(file.start(item), items.size() > 1 ? file.start(items.get(1)) : contentEnd(item), "");
        }
        int dash = text.lastIndexOf('-', file.start(item) - 1);
        int lineStart = text.lastIndexOf('\n', dash - 1) + 1;
        if (dash < 0 || !text.substring(lineStart, dash).isBlank()) {
            throw file.problem(item, "refused: the item does not start its own line, so it cannot be removed alone");
        }
        return removeLines(lineStart, contentEnd(item));
    }

    /** An edit removing the whole lines from {@code lineStart} to the one holding {@code contentEnd}. */
    private TextEdit removeLines(int lineStart, int contentEnd) {
        int lineEnd = lineEndAfter(contentEnd);
        if (lineEnd == text.length() && !text.endsWith("\n") && lineStart > 0) {
            // The file's last line, without line break: take the break before it, so that none is left dangling.
            return new TextEdit(lineStart - (lineStart > 1 && text.charAt(lineStart - 2) == '\r' ? 2 : 1), lineEnd, "");
        }
        return new TextEdit(lineStart, lineEnd, "");
    }

    /** Where a node's own content ends: for a block collection, its last value, not the comments after it. */
    public int contentEnd(Node node) {
        if (node instanceof CollectionNode<?> collection && collection.getFlowStyle() == FlowStyle.BLOCK
                && !collection.getValue().isEmpty()) {
            if (node instanceof MappingNode mapping) {
                return contentEnd(last(mapping).getValueNode());
            }
            List<Node> items = ((SequenceNode) node).getValue();
            return contentEnd(items.get(items.size() - 1));
        }
        return file.end(node);
    }

    private TextEdit insertLines(int afterOffset, String lines) {
        int at = lineEndAfter(afterOffset);
        if (at == text.length() && !text.isEmpty() && !text.endsWith("\n")) {
            // The file has no final line break: keep it that way by breaking before the new lines instead.
            String body = lines.substring(0, lines.length() - file.source().lineBreak().length());
            return TextEdit.insert(at, file.source().lineBreak() + body);
        }
        return TextEdit.insert(at, lines);
    }

    /** The offset just past the line break that ends the line holding {@code offset}. */
    private int lineEndAfter(int offset) {
        if (offset > 0 && text.charAt(offset - 1) == '\n') {
            return offset; // a block scalar already ends after its line break
        }
        int lf = text.indexOf('\n', offset);
        return lf < 0 ? text.length() : lf + 1;
    }

    private void appendEntry(StringBuilder out, int indent, String renderedKey, Object value) {
        out.append(" ".repeat(indent)).append(renderedKey).append(':');
        appendValue(out, indent, value);
    }

    /** Appends what follows {@code key:}: a space and a flow value, or a line break and block lines. */
    private void appendValue(StringBuilder out, int indent, Object value) {
        String lb = file.source().lineBreak();
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            out.append(lb);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                appendEntry(out, indent + layout.mappingStep(), YamlScalars.render((String) e.getKey()), e.getValue());
            }
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            out.append(lb);
            for (Object item : list) {
                appendItem(out, indent + layout.sequenceOffset(), 1, item);
            }
        } else {
            out.append(' ').append(flow(value)).append(lb);
        }
    }

    /** Appends {@code - item}, with {@code gap} spaces after the dash and the item's lines aligned after it. */
    private void appendItem(StringBuilder out, int dash, int gap, Object item) {
        String lb = file.source().lineBreak();
        String prefix = " ".repeat(dash) + "-" + " ".repeat(Math.max(gap, 1));
        int inner = dash + 1 + Math.max(gap, 1);
        if (item instanceof Map<?, ?> map && !map.isEmpty()) {
            StringBuilder entries = new StringBuilder();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                appendEntry(entries, inner, YamlScalars.render((String) e.getKey()), e.getValue());
            }
            out.append(prefix).append(entries.substring(inner));
        } else {
            out.append(prefix).append(flow(item)).append(lb);
        }
    }

    /** Renders a value in flow style, for flow collections and for scalars. */
    static String flow(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(out.length() > 1 ? ", " : "").append(YamlScalars.render((String) e.getKey()))
                        .append(": ").append(flow(e.getValue()));
            }
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : list) {
                out.append(out.length() > 1 ? ", " : "").append(flow(item));
            }
            return out.append(']').toString();
        }
        return YamlScalars.render((String) value);
    }

    private int openingBracket(CollectionNode<?> node) {
        int start = file.start(node);
        while (start < text.length() && text.charAt(start) != '{' && text.charAt(start) != '[') {
            start++; // skip a tag written before the bracket
        }
        return start;
    }

    private void refuseAnchored(Node node, String what) {
        file.anchorAround(node).ifPresent(anchor -> {
            throw file.problem(node, "refused: adding or removing " + what + " inside the anchor &" + anchor
                    + " would also change every alias of it");
        });
    }

    private static NodeTuple last(MappingNode mapping) {
        List<NodeTuple> entries = mapping.getValue();
        return entries.get(entries.size() - 1);
    }
}
