package io.jenkins.plugins.gitopspromotion.guard;

import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.FileTooLargeException;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.RepoTree;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The audit of a config repository: secrets in plain text ({@link SecretScanner}: plaintext Secrets, private
 * keys, tokens, high-entropy values), mutable image tags ({@link TagPolicy}) and, with a promotion config,
 * drift between consecutive environments ({@link DriftCheck}).
 *
 * <p>A plaintext Secret in a file of environments that all allow them ({@code allowPlaintextSecrets: true})
 * is a {@link Severity#WARNING} rather than blocking; private keys and tokens block everywhere, since the
 * setting is about Secret objects (a local cluster's dummy credentials), not about leaked keys.
 */
public final class ConfigAudit {

    private ConfigAudit() {
    }

    /**
     * Audits every file of a tree.
     *
     * @param config the repository's promotion config; without one, mutable tags are warnings everywhere and drift
     *     is not checked
     * @throws IOException if the tree cannot be read
     */
    public static AuditReport audit(RepoTree repository, Optional<PromotionConfig> config, YamlLimits limits)
            throws IOException {
        RepoTree tree = new ListedTree(repository);
        List<String> notes = new ArrayList<>();
        EnvironmentFiles environments = config.map(c -> EnvironmentFiles.of(c, notes)).orElse(EnvironmentFiles.none());
        SecretScanner scanner = new SecretScanner(limits);
        TagPolicy tags = new TagPolicy(limits, environments);
        List<Finding> findings = new ArrayList<>();
        Map<String, KustomizeLoads.Role> roles = roles(tree, limits, notes);
        for (String path : tree.files()) {
            Optional<byte[]> content;
            try {
                content = tree.read(path, limits.maxBytes());
            } catch (FileTooLargeException e) {
                notes.add(path + ": not scanned: " + e.problem());
                continue;
            }
            if (content.isEmpty()) {
                continue;
            }
            Optional<TextContent> text = TextContent.of(content.get());
            if (text.isEmpty()) {
                continue; // binary
            }
            Optional<KustomizeLoads.Role> role = Optional.ofNullable(roles.get(path));
            boolean manifest = SecretScanner.isYaml(path) || role.equals(Optional.of(KustomizeLoads.Role.MANIFEST));
            Optional<YamlFile> yaml = manifest ? scanner.parse(path, content.get(), notes) : Optional.empty();
            for (Finding finding : scanner.scan(path, text.get(), yaml, role)) {
                findings.add(allowed(finding, environments));
            }
            yaml.ifPresent(tags::checkFile);
        }
        findings.addAll(tags.findings());
        if (config.isPresent()) {
            findings.addAll(tags.checkApps(tree, config.get(), notes));
            findings.addAll(new DriftCheck(limits).check(tree, config.get(), notes));
        }
        return new AuditReport(tree.describe(), config.map(PromotionConfig::source).orElse(""), distinct(findings),
                notes.stream().distinct().toList());
    }

    /**
     * How Kustomize uses the files every kustomization of the tree names: read as manifests whatever their names, or
     * made Secret data. Each kustomization is read once: the audit goes through all of them anyway.
     */
    private static Map<String, KustomizeLoads.Role> roles(RepoTree tree, YamlLimits limits, List<String> notes)
            throws IOException {
        Map<String, KustomizeLoads.Role> roles = new LinkedHashMap<>();
        for (String path : tree.files()) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (KustomizeLoads.KUSTOMIZATIONS.contains(name)) {
                String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
                KustomizeLoads.named(tree, folder, limits, notes).forEach(roles::putIfAbsent);
            }
        }
        return roles;
    }

    /**
     * Audits, for secrets only, what a promotion into an environment deploys: the files of the folder it promotes
     * into, what that folder's kustomization makes Kustomize read (followed through the folders it names), and the
     * files the promotion is about to commit, with their new content (its version and {@code pinDigest} are checked
     * by the promotion itself). Files too large to read are skipped.
     *
     * @param changed the files about to be committed, and their new content
     * @param environment the environment promoted into, for {@code allowPlaintextSecrets}
     * @throws IOException if the tree cannot be read
     */
    public static AuditReport auditDeployed(RepoTree tree, String folder, Map<String, byte[]> changed, Environment environment,
            YamlLimits limits) throws IOException {
        List<String> notes = new ArrayList<>();
        Map<String, KustomizeLoads.Role> roles = KustomizeLoads.of(tree, folder, limits, notes);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String path : Stream.concat(tree.filesIn(folder).stream(), roles.keySet().stream()).toList()) {
            try {
                tree.read(path, limits.maxBytes()).ifPresent(content -> files.putIfAbsent(path, content));
            } catch (FileTooLargeException e) {
                notes.add(path + ": not scanned: " + e.problem());
            }
        }
        files.putAll(changed);
        AuditReport report = auditFiles(files, roles, environment, limits);
        notes.addAll(report.notes());
        return new AuditReport(report.source(), report.configSource(), report.findings(), notes);
    }

    /**
     * Audits files for secrets only.
     *
     * @param files the files' paths and content
     * @param roles how Kustomize uses those of the files it reads other than by their names ({@link KustomizeLoads})
     * @param environment the environment they are deployed to, for {@code allowPlaintextSecrets}
     */
    static AuditReport auditFiles(Map<String, byte[]> files, Map<String, KustomizeLoads.Role> roles,
            Environment environment, YamlLimits limits) {
        SecretScanner scanner = new SecretScanner(limits);
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            SecretScanner.FileScan scan = scanner.scanFile(file.getKey(), file.getValue(),
                    Optional.ofNullable(roles.get(file.getKey())));
            for (Finding finding : scan.findings()) {
                findings.add(finding.kind() == FindingKind.PLAINTEXT_SECRET && environment.allowPlaintextSecrets()
                        ? finding.withSeverity(Severity.WARNING, environment.name() + " allows plaintext Secrets")
                        : finding);
            }
            notes.addAll(scan.notes());
        }
        return new AuditReport("the files promoted into " + environment.name(), "", findings, notes);
    }

    private static Finding allowed(Finding finding, EnvironmentFiles environments) {
        if (finding.kind() == FindingKind.PLAINTEXT_SECRET && environments.allowsPlaintextSecrets(finding.file())) {
            return finding.withSeverity(Severity.WARNING, environments.names(finding.file()) + " allows plaintext Secrets");
        }
        return finding;
    }

    /**
     * One finding per file, line, kind and value (a drift per message): the most severe. The tag policy reads an
     * app's version twice, once as any image and once as the app's, and must report it once.
     */
    private static List<Finding> distinct(List<Finding> findings) {
        Map<String, Finding> kept = new LinkedHashMap<>();
        for (Finding finding : findings) {
            String key = finding.file() + "\0" + finding.line() + "\0" + finding.kind() + "\0"
                    + (finding.kind().secret() ? finding.maskedValue()
                            : finding.kind() == FindingKind.DRIFT ? finding.message() : "");
            Finding existing = kept.get(key);
            if (existing == null || finding.severity().compareTo(existing.severity()) < 0) {
                kept.put(key, finding);
            }
        }
        return new ArrayList<>(kept.values());
    }
}
