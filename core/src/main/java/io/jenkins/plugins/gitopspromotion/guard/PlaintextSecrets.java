package io.jenkins.plugins.gitopspromotion.guard;

import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Finds Kubernetes Secrets whose data is in plain text: every non-empty entry of {@code data} and
 * {@code stringData} of a core {@code Secret} (also inside a {@code List}), and every {@code KEY=value} of a
 * kustomize {@code secretGenerator}'s {@code literals}, which becomes one. Base64 in {@code data} is an
 * encoding, not encryption.
 *
 * <p>Not flagged: {@code SealedSecret} (its {@code encryptedData} only the cluster's controller can decrypt),
 * {@code ExternalSecret} (it names where the secret is), documents encrypted with SOPS, entries encrypted by
 * SOPS one by one ({@code ENC[...]}), entries that are references filled in later ({@code ${VAR}}), and Secrets
 * whose data is empty (a service-account token Secret, for instance).
 */
final class PlaintextSecrets {

    static final String ADVICE = "seal it (SealedSecret), encrypt it (SOPS) or fetch it from a secret store"
            + " (ExternalSecret)";

    private PlaintextSecrets() {
    }

    /** Adds a finding for every plaintext entry of the document's Secrets. */
    static void check(YamlFile file, Node document, List<Finding> out) {
        if (Manifests.isSopsEncrypted(document)) {
            return;
        }
        String kind = Manifests.kind(document);
        if (kind.equals("List")) {
            Manifests.child(document, "items").filter(SequenceNode.class::isInstance)
                    .ifPresent(items -> ((SequenceNode) items).getValue().forEach(item -> check(file, item, out)));
            return;
        }
        if (Manifests.isCoreSecret(document)) {
            String name = Manifests.name(document);
            for (String field : List.of("data", "stringData")) {
                Optional<Node> data = Manifests.child(document, field);
                if (data.isPresent() && data.get() instanceof MappingNode entries) {
                    for (NodeTuple entry : Manifests.entries(entries)) {
                        plaintextValue(entry.getValueNode()).ifPresent(value -> out.add(Finding.of(file.source().path(),
                                file.line(entry.getKeyNode()), FindingKind.PLAINTEXT_SECRET, Severity.BLOCKING,
                                "Secret " + name + " holds " + field + "." + key(entry) + " in plain text; " + ADVICE,
                                value)));
                    }
                }
            }
        }
        Manifests.child(document, "secretGenerator").filter(SequenceNode.class::isInstance)
                .ifPresent(generators -> literals(file, (SequenceNode) generators, out));
    }

    private static void literals(YamlFile file, SequenceNode generators, List<Finding> out) {
        for (Node generator : generators.getValue()) {
            String name = Manifests.text(generator, "name").map(Manifests::printable).orElse("?");
            Optional<Node> literals = Manifests.child(generator, "literals");
            if (literals.isEmpty() || !(literals.get() instanceof SequenceNode list)) {
                continue;
            }
            for (Node literal : list.getValue()) {
                if (!(literal instanceof ScalarNode scalar)) {
                    continue;
                }
                int equals = scalar.getValue().indexOf('=');
                String value = equals < 0 ? "" : scalar.getValue().substring(equals + 1);
                if (plaintext(value)) {
                    String key = Manifests.printable(scalar.getValue().substring(0, equals));
                    out.add(Finding.of(file.source().path(), file.line(scalar), FindingKind.PLAINTEXT_SECRET,
                            Severity.BLOCKING, "secretGenerator " + name + " holds the literal " + key + " in plain text; "
                                    + ADVICE, value));
                }
            }
        }
    }

    private static Optional<String> plaintextValue(Node value) {
        return YamlFile.scalar(value).filter(PlaintextSecrets::plaintext);
    }

    private static boolean plaintext(String value) {
        return !value.isBlank() && !ValueReferences.isReference(value);
    }

    private static String key(NodeTuple entry) {
        return YamlFile.scalar(entry.getKeyNode()).map(Manifests::printable).orElse("?");
    }
}
