package io.jenkins.plugins.gitopspromotion.guard;

import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Finds random-looking values ({@link Entropy}) under keys that name a secret ({@link SecretKeyNames}),
 * including the {@code - name: DB_PASSWORD / value: ...} pairs of container environments.
 *
 * <p>Skipped: references ({@link ValueReferences}), everything under a key naming a reference
 * ({@code secretKeyRef}, {@code valueFrom}, ...), a SealedSecret's {@code encryptedData} (ciphertext is random
 * by design), a core Secret's {@code data} and {@code stringData} (reported as plaintext Secrets already), a
 * SOPS file's {@code sops} metadata, and values that hold a token of a known format (reported as a token).
 *
 * <p>Placeholders such as {@code changeme} are deliberately not flagged: they are not leaked secrets, and
 * flagging every chart's documentation default would teach people to ignore the audit.
 */
final class HighEntropyValues {

    private HighEntropyValues() {
    }

    /** Adds a finding for every high-entropy value under a secret-like key of the document. */
    static void check(YamlFile file, Node document, List<Finding> out) {
        new Walk(file, out, Manifests.isCoreSecret(document), Manifests.isSopsEncrypted(document)).node(document, "", true);
    }

    private static final class Walk {
        private final YamlFile file;
        private final List<Finding> out;
        private final boolean coreSecret;
        private final boolean sops;
        private final Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());

        Walk(YamlFile file, List<Finding> out, boolean coreSecret, boolean sops) {
            this.file = file;
            this.out = out;
            this.coreSecret = coreSecret;
            this.sops = sops;
        }

        void node(Node node, String path, boolean root) {
            if (!visited.add(node)) {
                return; // an alias of a node already scanned
            }
            if (node instanceof SequenceNode sequence) {
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size(); i++) {
                    node(items.get(i), path + "[" + i + "]", false);
                }
            } else if (node instanceof MappingNode mapping) {
                mapping(mapping, path, root);
            }
        }

        private void mapping(MappingNode mapping, String path, boolean root) {
            // A container environment variable: the secret's name is the value of `name`.
            Optional<String> name = Manifests.text(mapping, "name");
            Optional<Node> value = Manifests.child(mapping, "value");
            if (name.isPresent() && value.isPresent() && value.get() instanceof ScalarNode scalar
                    && SecretKeyNames.isSecret(name.get())) {
                value(scalar, path + "[" + Manifests.printable(name.get()) + "]");
            }
            for (NodeTuple tuple : mapping.getValue()) {
                Optional<String> key = YamlFile.scalar(tuple.getKeyNode());
                if (key.isEmpty() || skipped(key.get(), root)) {
                    continue;
                }
                String child = path.isEmpty() ? Manifests.printable(key.get())
                        : path + "." + Manifests.printable(key.get());
                Node valueNode = tuple.getValueNode();
                if (valueNode instanceof ScalarNode scalar) {
                    if (SecretKeyNames.isSecret(key.get())) {
                        value(scalar, child);
                    }
                } else {
                    node(valueNode, child, false);
                }
            }
        }

        private boolean skipped(String key, boolean root) {
            return SecretKeyNames.isReference(key) || key.equals("encryptedData")
                    || (root && coreSecret && (key.equals("data") || key.equals("stringData")))
                    || (root && sops && key.equals("sops"));
        }

        private void value(ScalarNode scalar, String path) {
            String text = scalar.getValue();
            if (ValueReferences.isReference(text) || TokenFormats.containsToken(text) || !Entropy.isHigh(text)) {
                return;
            }
            out.add(Finding.of(file.source().path(), file.line(scalar), FindingKind.HIGH_ENTROPY_VALUE, Severity.BLOCKING,
                    path + " holds a value that looks like a generated secret ("
                            + String.format(Locale.ROOT, "%.1f", Entropy.bitsPerCharacter(text.strip()))
                            + " bits of entropy per character); reference it from a Secret (secretKeyRef), an"
                            + " ExternalSecret or a SOPS-encrypted file instead", text));
        }
    }
}
