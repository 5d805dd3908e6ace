package io.jenkins.plugins.gitopspromotion.guard;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML file as plain data (maps, lists, strings) without what is expected to differ between environments:
 * image versions and {@code replicas}. Removed are every {@code replicas} entry, the tag and digest of every
 * {@code image:} reference (its name stays: another image is a difference), {@code tag} and {@code digest}
 * under an {@code image:} mapping (Helm values), {@code newTag} and {@code digest} of a kustomization's
 * {@code images:} entries, and any value equal to a version the app's updater reads in the file (Flux setters,
 * custom Helm paths). The environment's own name in a value is replaced by {@code {env}}, so that
 * {@code namespace: web-dev} and {@code namespace: web-prod}, which differ by design, compare equal. Remembers the
 * line of every path, to point at the first difference.
 */
final class VersionlessTree {

    /** What replaces a version value, so that only its presence is compared. */
    static final String VERSION = "<version>";

    /** What replaces the environment's name in a value. */
    static final String ENVIRONMENT = "{env}";

    /** The most nodes a file may expand to (aliases included); bigger files are not compared. */
    static final int MAX_NODES = 200_000;

    private final Object root;
    private final Map<String, Integer> lines;

    private VersionlessTree(Object root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /**
     * The versionless tree of a file.
     *
     * @param versions version values (tags, digests) the app's updater reads in the file
     * @param environment the name of the environment the file belongs to
     * @return the tree, or empty when the file expands to more than {@link #MAX_NODES} nodes
     */
    static Optional<VersionlessTree> of(YamlFile file, Set<String> versions, String environment) {
        Builder builder = new Builder(file, versions, environment);
        List<Node> documents = file.documents();
        Object root;
        try {
            if (documents.size() == 1) {
                root = builder.node(documents.get(0), "", "", false);
            } else {
                // Documents by number, so that paths read document[2].spec... as in the messages.
                Map<String, Object> all = new LinkedHashMap<>();
                for (int i = 0; i < documents.size(); i++) {
                    String name = "document[" + (i + 1) + "]";
                    all.put(name, builder.node(documents.get(i), name, "", false));
                }
                root = all;
            }
        } catch (TooLarge e) {
            return Optional.empty();
        }
        return Optional.of(new VersionlessTree(root, builder.lines));
    }

    /**
     * The paths at which two trees differ, in document order, at most {@code limit}.
     *
     * @param other the tree compared with
     */
    List<String> differences(VersionlessTree other, int limit) {
        List<String> out = new ArrayList<>();
        compare(root, other.root, "", out, limit);
        return out;
    }

    /** The line of a path, or of its closest ancestor in this tree; 0 when none is known. */
    int line(String path) {
        String current = path;
        while (true) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            if (current.isEmpty()) {
                return 0;
            }
            int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
            current = cut <= 0 ? "" : current.substring(0, cut);
        }
    }

    private static void compare(Object a, Object b, String path, List<String> out, int limit) {
        if (out.size() >= limit || Objects.equals(a, b)) {
            return;
        }
        if (a instanceof Map<?, ?> left && b instanceof Map<?, ?> right) {
            Set<Object> keys = new LinkedHashSet<>(left.keySet());
            keys.addAll(right.keySet());
            for (Object key : keys) {
                compare(left.get(key), right.get(key), join(path, (String) key), out, limit);
            }
        } else if (a instanceof List<?> left && b instanceof List<?> right) {
            for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
                compare(i < left.size() ? left.get(i) : null, i < right.size() ? right.get(i) : null,
                        path + "[" + i + "]", out, limit);
            }
        } else {
            out.add(path.isEmpty() ? "(the whole file)" : path);
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Thrown when a file expands beyond {@link #MAX_NODES}: an alias bomb is not compared. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    private static final class Builder {
        private final YamlFile file;
        private final Set<String> versions;
        private final Pattern environment;
        private final Map<String, Integer> lines = new HashMap<>();
        private int nodes;

        Builder(YamlFile file, Set<String> versions, String environment) {
            this.file = file;
            this.versions = versions;
            this.environment = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(environment) + "(?![A-Za-z0-9])");
        }

        /**
         * @param key the key the node is the value of, or empty
         * @param inImages whether the node is an entry of a kustomization's {@code images:}
         */
        Object node(Node node, String path, String key, boolean inImages) {
            if (++nodes > MAX_NODES) {
                throw new TooLarge();
            }
            lines.putIfAbsent(path, file.line(node));
            if (node instanceof ScalarNode scalar) {
                return scalar(scalar.getValue(), key);
            }
            if (node instanceof SequenceNode sequence) {
                List<Object> items = new ArrayList<>();
                boolean images = key.equals("images");
                for (int i = 0; i < sequence.getValue().size(); i++) {
                    items.add(node(sequence.getValue().get(i), path + "[" + i + "]", "", images));
                }
                return items;
            }
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                String name = YamlFile.scalar(tuple.getKeyNode()).map(Manifests::printable).orElse("?");
                if (removed(name, key, inImages)) {
                    continue;
                }
                map.put(name, node(tuple.getValueNode(), join(path, name), name, false));
            }
            return map;
        }

        private static boolean removed(String name, String parentKey, boolean inImages) {
            return name.equals("replicas")
                    || (inImages && (name.equals("newTag") || name.equals("digest")))
                    || (parentKey.equals("image") && (name.equals("tag") || name.equals("digest")));
        }

        private Object scalar(String value, String key) {
            if (versions.contains(value)) {
                return VERSION;
            }
            if (key.equals("image")) {
                try {
                    return ImageReference.parse(value).name();
                } catch (InvalidImageReferenceException e) {
                    return value; // a placeholder, compared as written
                }
            }
            return environment.matcher(value).replaceAll(Matcher.quoteReplacement(ENVIRONMENT));
        }
    }
}
