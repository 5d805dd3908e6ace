package io.jenkins.plugins.gitopspromotion.guard;

import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Scans one file of a config repository for secrets: Kubernetes Secrets in plain text
 * ({@link PlaintextSecrets}) and high-entropy values under secret-like keys ({@link HighEntropyValues}) in YAML
 * files, private keys ({@link PrivateKeyBlocks}) and tokens of documented formats ({@link TokenFormats}) in
 * every text file. Binary files are skipped; a YAML file that does not parse (a Helm template is text, not
 * YAML) gets the text checks and a note, never an exception.
 *
 * <p>Every finding is {@link Severity#BLOCKING} here; the audit downgrades plaintext Secrets in environments
 * that allow them ({@code allowPlaintextSecrets: true}). Values are only ever kept masked.
 */
public final class SecretScanner {

    private final YamlLimits limits;

    /** A scanner parsing YAML within these limits. */
    public SecretScanner(YamlLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * What the scan of one file found.
     *
     * @param findings the findings, in file order
     * @param notes what could not be checked and why, e.g. a file that is not valid YAML
     */
    public record FileScan(List<Finding> findings, List<String> notes) {
        /** Copies the lists. */
        public FileScan {
            findings = List.copyOf(findings);
            notes = List.copyOf(notes);
        }
    }

    /**
     * The secrets in one file, for a promotion's guard: the files it is about to commit.
     *
     * @param path the file's path in the repository
     * @param content the file's bytes
     * @return the findings, in file order; none for a binary file
     */
    public List<Finding> scan(String path, byte[] content) {
        return scanFile(path, content).findings();
    }

    /** As {@link #scan}, with notes on what could not be checked. */
    public FileScan scanFile(String path, byte[] content) {
        return scanFile(path, content, Optional.empty());
    }

    /**
     * As {@link #scan}, for a file Kustomize uses as {@code role} says: read as manifests whatever its name, or made a
     * Secret's data by a {@code secretGenerator} (a binary file too).
     */
    public FileScan scanFile(String path, byte[] content, Optional<KustomizeLoads.Role> role) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (content.length > limits.maxBytes()) {
            return new FileScan(List.of(), List.of(path + ": not scanned: " + content.length + " bytes, over the limit of "
                    + limits.maxBytes()));
        }
        Optional<TextContent> text = TextContent.of(content);
        if (text.isEmpty()) {
            List<Finding> binary = new ArrayList<>();
            if (role.equals(Optional.of(KustomizeLoads.Role.SECRET_FILE))) {
                GeneratedSecrets.secretFile(path, "(binary, " + content.length + " bytes)", binary);
            }
            return new FileScan(binary, List.of());
        }
        List<String> notes = new ArrayList<>();
        boolean manifest = isYaml(path) || role.equals(Optional.of(KustomizeLoads.Role.MANIFEST));
        Optional<YamlFile> yaml = manifest ? parse(path, content, notes) : Optional.empty();
        return new FileScan(scan(path, text.get(), yaml, role), notes);
    }

    /**
     * Whether a short value, such as the user part of a URL, looks like a secret: a token in an issuer's format, or a
     * long random string.
     */
    public static boolean looksLikeSecret(String value) {
        return TokenFormats.containsToken(value) || Entropy.isHigh(value);
    }

    /**
     * Whether a path names a file of manifests: by its extension ({@code .json} too, which Kubernetes and Kustomize read
     * as well), or kustomize's extension-less {@code Kustomization}.
     */
    static boolean isYaml(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json") || lower.endsWith("/kustomization")
                || lower.equals("kustomization");
    }

    /** The parsed file, or empty with a note when it is not valid YAML (a template, for instance). */
    Optional<YamlFile> parse(String path, byte[] content, List<String> notes) {
        try {
            return Optional.of(YamlFile.parse(path, content, limits));
        } catch (YamlEditException e) {
            notes.add(path + ": only the text checks (private keys, tokens) were run: " + (e.line() > 0 ? "line " + e.line()
                    + ": " : "") + e.problem());
            return Optional.empty();
        }
    }

    /** The findings of the text checks, of the YAML checks when the file parsed, and of what its role makes Secret data. */
    List<Finding> scan(String path, TextContent text, Optional<YamlFile> yaml, Optional<KustomizeLoads.Role> role) {
        List<Finding> findings = new ArrayList<>(scan(path, text, yaml));
        if (role.equals(Optional.of(KustomizeLoads.Role.SECRET_ENV))) {
            GeneratedSecrets.envFile(path, text, findings);
        } else if (role.equals(Optional.of(KustomizeLoads.Role.SECRET_FILE))) {
            GeneratedSecrets.secretFile(path, text.text(), findings);
        }
        findings.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return findings;
    }

    /** The findings of the text checks, and of the YAML checks when the file parsed. */
    List<Finding> scan(String path, TextContent text, Optional<YamlFile> yaml) {
        List<Finding> findings = new ArrayList<>();
        for (PrivateKeyBlocks.Match key : PrivateKeyBlocks.find(text.text())) {
            findings.add(Finding.of(path, text.lineOf(key.start()), FindingKind.PRIVATE_KEY, Severity.BLOCKING,
                    "a private key is in the file; keep keys out of Git: a SealedSecret, a SOPS-encrypted file or an"
                            + " ExternalSecret", key.block()));
        }
        for (TokenFormats.Match token : TokenFormats.find(text.text())) {
            findings.add(Finding.of(path, text.lineOf(token.start()), FindingKind.TOKEN, Severity.BLOCKING,
                    "a " + token.format().name() + " is in the file; revoke it, then reference a secret store instead",
                    token.value()));
        }
        if (yaml.isPresent()) {
            for (Node document : yaml.get().documents()) {
                PlaintextSecrets.check(yaml.get(), document, findings);
                HighEntropyValues.check(yaml.get(), document, findings);
            }
        }
        findings.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return findings;
    }
}
