package io.jenkins.plugins.gitopspromotion.guard;

import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Small reads of Kubernetes manifests and SOPS files shared by the checks. */
final class Manifests {

    private static final String MERGE_KEY = "<<";

    private Manifests() {
    }

    /** The scalar under a key of a mapping, if the node is a mapping and the value a scalar. */
    static Optional<String> text(Node node, String key) {
        return child(node, key).flatMap(YamlFile::scalar);
    }

    /** The node under a key of a mapping (its own, or merged into it with {@code <<}), if the node is a mapping. */
    static Optional<Node> child(Node node, String key) {
        if (!(node instanceof MappingNode mapping)) {
            return Optional.empty();
        }
        return entries(mapping).stream().filter(t -> YamlFile.scalar(t.getKeyNode()).filter(key::equals).isPresent())
                .map(NodeTuple::getValueNode).findFirst();
    }

    /**
     * A mapping's entries as a YAML reader that honours merge keys sees them (Kubernetes' does): its own first, then
     * those of the mappings its {@code <<} names, in order, a key already present winning. Scanning only the entries
     * written in the mapping missed a Secret's {@code stringData} merged in from an anchor.
     */
    static List<NodeTuple> entries(MappingNode mapping) {
        Map<String, NodeTuple> merged = new LinkedHashMap<>();
        List<NodeTuple> unnamed = new ArrayList<>();
        merge(mapping, merged, unnamed, Collections.newSetFromMap(new IdentityHashMap<>()));
        List<NodeTuple> all = new ArrayList<>(merged.values());
        all.addAll(unnamed);
        return all;
    }

    private static void merge(MappingNode mapping, Map<String, NodeTuple> merged, List<NodeTuple> unnamed, Set<Node> seen) {
        if (!seen.add(mapping)) {
            return; // a merge that comes back to a mapping already merged adds nothing
        }
        List<Node> sources = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Optional<String> key = YamlFile.scalar(tuple.getKeyNode());
            if (key.isPresent() && key.get().equals(MERGE_KEY) && tuple.getKeyNode() instanceof ScalarNode k && k.isPlain()) {
                sources.add(tuple.getValueNode());
            } else if (key.isPresent()) {
                merged.putIfAbsent(key.get(), tuple);
            } else {
                unnamed.add(tuple);
            }
        }
        for (Node source : sources) {
            List<Node> mappings = source instanceof SequenceNode list ? list.getValue() : List.of(source);
            for (Node item : mappings) {
                if (item instanceof MappingNode from) {
                    merge(from, merged, unnamed, seen);
                }
            }
        }
    }

    /** {@code kind} of a manifest, or empty. */
    static String kind(Node document) {
        return text(document, "kind").orElse("");
    }

    /** Whether a document is a core Kubernetes {@code Secret} ({@code apiVersion: v1}, or none written). */
    static boolean isCoreSecret(Node document) {
        return kind(document).equals("Secret") && text(document, "apiVersion").map("v1"::equals).orElse(true);
    }

    /** {@code namespace/name} of a manifest, or the name alone, or {@code ?}. */
    static String name(Node document) {
        Optional<Node> metadata = child(document, "metadata");
        String name = metadata.flatMap(m -> text(m, "name")).orElse("?");
        return printable(metadata.flatMap(m -> text(m, "namespace")).map(ns -> ns + "/" + name).orElse(name));
    }

    /**
     * Whether a document was encrypted by SOPS: it has a top-level {@code sops} mapping with the {@code mac}
     * and {@code version} SOPS writes there (the values themselves are then {@code ENC[...]}).
     */
    static boolean isSopsEncrypted(Node document) {
        Optional<Node> sops = child(document, "sops");
        return sops.isPresent() && sops.get() instanceof MappingNode
                && child(sops.get(), "mac").isPresent() && child(sops.get(), "version").isPresent();
    }

    /** A key for a one-line message: control characters replaced, so that a key cannot forge output lines. */
    static String printable(String text) {
        return text.codePoints().map(cp -> Character.isISOControl(cp) ? '?' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
