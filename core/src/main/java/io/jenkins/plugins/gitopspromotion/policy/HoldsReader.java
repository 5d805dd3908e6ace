package io.jenkins.plugins.gitopspromotion.policy;

import io.jenkins.plugins.gitopspromotion.config.ConfigException;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Maps a parsed {@link HoldFile#PATH} onto holds, refusing what it does not know: a misspelt key must not quietly
 * drop a hold, so every error names the file, the line and the key ({@code holds[0].env}).
 */
final class HoldsReader {

    private static final List<String> KEYS = List.of("app", "env", "by", "at", "reason");

    private final YamlFile file;

    HoldsReader(YamlFile file) {
        this.file = file;
    }

    /** Each hold with the node it was read from, in the file's order. */
    Map<Hold, Node> holds() {
        Map<Hold, Node> holds = new LinkedHashMap<>();
        List<Node> documents = file.documents();
        if (documents.size() > 1) {
            throw fail(documents.get(1), null, "more than one YAML document; the holds are one document");
        }
        if (documents.isEmpty() || isNull(documents.get(0))) {
            return holds;
        }
        if (!(documents.get(0) instanceof MappingNode root)) {
            throw fail(documents.get(0), null, "must be a mapping with the key holds");
        }
        Node list = null;
        for (NodeTuple tuple : root.getValue()) {
            if (!"holds".equals(YamlFile.scalar(tuple.getKeyNode()).orElse(null))) {
                throw fail(tuple.getKeyNode(), null, "unknown key " + quote(tuple.getKeyNode()) + "; the only key is holds");
            }
            list = tuple.getValueNode();
        }
        if (list == null || isNull(list)) {
            return holds;
        }
        if (!(list instanceof SequenceNode sequence)) {
            throw fail(list, "holds", "must be a list of holds ({app, env, by, at, reason})");
        }
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node item = sequence.getValue().get(i);
            String key = "holds[" + i + "]";
            Hold hold = hold(item, key);
            for (Map.Entry<Hold, Node> earlier : holds.entrySet()) {
                if (earlier.getKey().on(hold.app(), hold.env())) {
                    throw fail(item, key, hold.app() + " in " + hold.env() + " is held twice (first at line "
                            + file.line(earlier.getValue()) + "); keep one hold per app and environment");
                }
            }
            holds.put(hold, item);
        }
        return holds;
    }

    private Hold hold(Node item, String key) {
        if (!(item instanceof MappingNode mapping)) {
            throw fail(item, key, "must be a mapping with the keys " + String.join(", ", KEYS));
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name = YamlFile.scalar(tuple.getKeyNode()).orElse(null);
            if (!KEYS.contains(name)) {
                throw fail(tuple.getKeyNode(), key, "unknown key " + quote(tuple.getKeyNode()) + "; the keys are "
                        + String.join(", ", KEYS));
            }
            values.put(name, tuple.getValueNode());
        }
        for (String name : KEYS) {
            if (!values.containsKey(name) || !(values.get(name) instanceof ScalarNode s) || isNull(s) || s.getValue().isBlank()) {
                throw fail(values.getOrDefault(name, mapping), key + "." + name, "missing: a hold says which app, in which env,"
                        + " by whom, at what time and why");
            }
        }
        Instant at;
        try {
            at = Instant.parse(text(values, "at"));
        } catch (DateTimeParseException e) {
            throw fail(values.get("at"), key + ".at", "must be a UTC time such as 2026-12-06T07:40:00Z, not "
                    + InvalidImageReferenceException.quote(text(values, "at")));
        }
        try {
            return new Hold(text(values, "app"), text(values, "env"), text(values, "by"), at, text(values, "reason"));
        } catch (IllegalArgumentException e) {
            throw fail(item, key, e.getMessage());
        }
    }

    private static String text(Map<String, Node> values, String name) {
        return ((ScalarNode) values.get(name)).getValue();
    }

    private static String quote(Node key) {
        return InvalidImageReferenceException.quote(YamlFile.scalar(key).orElse("(not a name)"));
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private ConfigException fail(Node node, String key, String problem) {
        return new ConfigException(HoldFile.PATH, file.line(node), key, problem);
    }
}
