package io.jenkins.plugins.gitopspromotion.guard;

import java.util.List;

/**
 * The files a kustomization's {@code secretGenerator} turns into a Secret's data, which Git then holds in plain text:
 * every {@code KEY=value} line of an {@code envs} file, and the whole content of a {@code files} entry.
 */
final class GeneratedSecrets {

    private GeneratedSecrets() {
    }

    /** A finding for every line of an env file that gives a key a value (not a reference filled in later). */
    static void envFile(String path, TextContent text, List<Finding> out) {
        String[] lines = text.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int equals = line.indexOf('=');
            if (line.startsWith("#") || equals <= 0) {
                continue; // a comment, a blank line, or a key taken from the environment Kustomize runs in
            }
            String value = line.substring(equals + 1).strip();
            if (!value.isEmpty() && !ValueReferences.isReference(value)) {
                out.add(Finding.of(path, i + 1, FindingKind.PLAINTEXT_SECRET, Severity.BLOCKING, "a secretGenerator makes "
                        + Manifests.printable(line.substring(0, equals).strip()) + " a Secret's entry from this file, in plain"
                        + " text; " + PlaintextSecrets.ADVICE, value));
            }
        }
    }

    /** A finding for a file a secretGenerator makes a Secret's entry of, unless it is empty. */
    static void secretFile(String path, String content, List<Finding> out) {
        if (!content.isBlank()) {
            out.add(Finding.of(path, 1, FindingKind.PLAINTEXT_SECRET, Severity.BLOCKING, "a secretGenerator makes this file"
                    + " a Secret's entry, in plain text; " + PlaintextSecrets.ADVICE, content.strip()));
        }
    }
}
