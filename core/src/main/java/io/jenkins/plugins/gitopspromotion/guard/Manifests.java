package io.jenkins.plugins.gitopspromotion.guard;

import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlStructure;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** Small reads of Kubernetes manifests and SOPS files shared by the checks. */
final class Manifests {

    private Manifests() {
    }

    /** The scalar under a key of a mapping, if the node is a mapping and the value a scalar. */
    static Optional<String> text(Node node, String key) {
        return node instanceof MappingNode mapping
                ? YamlStructure.get(mapping, key).flatMap(YamlFile::scalar) : Optional.empty();
    }

    /** The node under a key of a mapping, if the node is a mapping. */
    static Optional<Node> child(Node node, String key) {
        return node instanceof MappingNode mapping ? YamlStructure.get(mapping, key) : Optional.empty();
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
