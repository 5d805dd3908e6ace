package io.jenkins.plugins.gitopspromotion.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.DirectoryRepoTree;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PathTemplate;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.PromotionMode;
import io.jenkins.plugins.gitopspromotion.config.RepoTree;
import io.jenkins.plugins.gitopspromotion.config.TestFiles;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit of a small, realistic config repository: a kustomize app in dev (plaintext Secrets allowed),
 * staging and prod (digests pinned), with a plaintext Secret in dev and prod, latest tags, a missing digest
 * and a configuration that differs between dev and staging.
 */
class ConfigAuditTest {

    static final String CONFIG = """
            environments:
              - name: dev
                path: apps/{app}/dev
                mode: commit
                allowPlaintextSecrets: true
              - name: staging
                path: apps/{app}/staging
                requires: dev
              - name: prod
                path: apps/{app}/prod
                requires: staging
                pinDigest: true
            apps:
              - name: web
                image: ghcr.io/acme/web
            """;

    static final String DIGEST = "sha256:" + "ab".repeat(32);

    @TempDir
    Path repo;

    private final String devPassword = FakeSecrets.base64Of("dev-only-" + FakeSecrets.random(FakeSecrets.BASE62, 12, 91));
    private final String prodPassword = FakeSecrets.base64Of(FakeSecrets.humanPassword());

    private void write(String path, String content) throws Exception {
        TestFiles.write(repo, path, content);
    }

    private static String secret(String password) {
        return """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: web-session
                type: Opaque
                data:
                  password: %s
                """.formatted(password);
    }

    private static String overlay(String newTag, String digest, String logLevel) {
        return """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - ../base
                images:
                  - name: ghcr.io/acme/web
                    newTag: %s%s
                replicas:
                  - name: web
                    count: %d
                configMapGenerator:
                  - name: web-config
                    literals:
                      - LOG_LEVEL=%s
                """.formatted(newTag, digest.isEmpty() ? "" : "\n    digest: " + digest, logLevel.equals("info") ? 1 : 3,
                logLevel);
    }

    @BeforeEach
    void repository() throws Exception {
        write(".gitops/promotion.yaml", CONFIG);
        write("apps/web/base/kustomization.yaml", "resources:\n  - deployment.yaml\n");
        write("apps/web/base/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: web
                          image: ghcr.io/acme/web
                        - name: log-shipper
                          image: docker.io/library/busybox:latest
                """);
        write("apps/web/dev/kustomization.yaml", overlay("latest", "", "info"));
        write("apps/web/dev/secret.yaml", secret(devPassword));
        write("apps/web/staging/kustomization.yaml", overlay("1.4.2", "", "debug"));
        write("apps/web/prod/kustomization.yaml", overlay("1.4.2", "", "debug"));
        write("apps/web/prod/secret.yaml", secret(prodPassword));
        write("docs/logo.png", "\u0000\u0001PNG");
    }

    private AuditReport audit() throws Exception {
        RepoTree tree = new DirectoryRepoTree(repo);
        return ConfigAudit.audit(tree, Optional.of(ConfigLoader.load(tree)), YamlLimits.DEFAULT);
    }

    private static Finding find(AuditReport report, String file, FindingKind kind) {
        List<Finding> found = report.findings().stream().filter(f -> f.file().equals(file) && f.kind() == kind).toList();
        assertThat(found).as(file + " " + kind + " in " + report.findings()).hasSize(1);
        return found.get(0);
    }

    @Test
    void auditsSecretsTagsAndDriftOfTheWholeRepository() throws Exception {
        AuditReport report = audit();

        assertThat(report.blocking()).isTrue();
        assertThat(report.configSource()).isEqualTo(".gitops/promotion.yaml");
        assertThat(report.source()).isEqualTo("folder " + repo);

        // 1. plaintext Secrets: allowed in dev (a warning), blocking in prod
        Finding prodSecret = find(report, "apps/web/prod/secret.yaml", FindingKind.PLAINTEXT_SECRET);
        assertThat(prodSecret.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(prodSecret.line()).isEqualTo(7);
        Finding devSecret = find(report, "apps/web/dev/secret.yaml", FindingKind.PLAINTEXT_SECRET);
        assertThat(devSecret.severity()).isEqualTo(Severity.WARNING);
        assertThat(devSecret.message()).endsWith("(dev allows plaintext Secrets)");

        // 5. mutable tags: prod pins digests, so its missing digest blocks; latest elsewhere warns
        Finding prodTag = find(report, "apps/web/prod/kustomization.yaml", FindingKind.MUTABLE_TAG);
        assertThat(prodTag.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(prodTag.line()).isEqualTo(6);
        assertThat(prodTag.message()).contains("app web has ghcr.io/acme/web:1.4.2 without digest in prod, which pins digests");
        Finding devTag = find(report, "apps/web/dev/kustomization.yaml", FindingKind.MUTABLE_TAG);
        assertThat(devTag.severity()).isEqualTo(Severity.WARNING);
        assertThat(devTag.line()).isEqualTo(6);
        Finding sidecar = find(report, "apps/web/base/deployment.yaml", FindingKind.MUTABLE_TAG);
        assertThat(sidecar.severity()).isEqualTo(Severity.WARNING);
        assertThat(sidecar.line()).isEqualTo(13);
        assertThat(sidecar.message()).startsWith("Deployment/web containers[log-shipper] uses the mutable tag latest");
        // the base's untagged web image is set by the overlays, so it is not flagged
        assertThat(report.findings()).noneMatch(f -> f.file().equals("apps/web/base/deployment.yaml") && f.line() == 11);
        assertThat(report.findings(Severity.BLOCKING)).extracting(Finding::file)
                .containsExactly("apps/web/prod/kustomization.yaml", "apps/web/prod/secret.yaml");

        // 6. drift: staging differs from dev in its config map, not in the tag or the replica count; the Secret has
        // no counterpart in staging
        Finding drift = report.findings().stream().filter(f -> f.kind() == FindingKind.DRIFT
                && f.file().equals("apps/web/staging/kustomization.yaml")).findFirst().orElseThrow();
        assertThat(drift.severity()).isEqualTo(Severity.WARNING);
        assertThat(drift.line()).isEqualTo(14);
        assertThat(drift.message()).isEqualTo("app web: apps/web/staging/kustomization.yaml (staging) differs from"
                + " apps/web/dev/kustomization.yaml (dev) in more than the image version:"
                + " configMapGenerator[0].literals[0]; review whether the environments should differ");
        assertThat(drift.maskedValue()).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.kind() == FindingKind.DRIFT).extracting(Finding::file)
                .containsExactlyInAnyOrder("apps/web/staging/kustomization.yaml", "apps/web/dev/secret.yaml",
                        "apps/web/prod/secret.yaml");
        assertThat(report.findings()).noneMatch(f -> f.kind() == FindingKind.DRIFT
                && f.file().equals("apps/web/prod/kustomization.yaml"));
    }

    @Test
    void theJsonListsEveryFindingWithItsValueMaskedOnly() throws Exception {
        AuditReport report = audit();
        String json = report.toJson();
        assertThat(json).doesNotContain(prodPassword).doesNotContain(devPassword);
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("blocking").asBoolean()).isTrue();
        assertThat(root.get("config").asText()).isEqualTo(".gitops/promotion.yaml");
        assertThat(root.get("counts").get("blocking").asInt()).isEqualTo(2);
        assertThat(root.get("counts").get("warning").asInt()).isEqualTo(report.findings(Severity.WARNING).size());
        assertThat(root.get("findings")).hasSize(report.findings().size());
        JsonNode first = root.get("findings").get(0);
        assertThat(first.get("file").asText()).isEqualTo("apps/web/prod/kustomization.yaml");
        assertThat(first.get("line").asInt()).isEqualTo(6);
        assertThat(first.get("kind").asText()).isEqualTo("mutable-tag");
        assertThat(first.get("severity").asText()).isEqualTo("blocking");
        JsonNode secret = root.get("findings").get(1);
        assertThat(secret.get("kind").asText()).isEqualTo("plaintext-secret");
        assertThat(secret.get("maskedValue").asText()).isEqualTo(Masking.mask(prodPassword));
        assertThat(root.findValues("maskedValue")).anyMatch(JsonNode::isNull); // drift has no single value
        assertThat(root.get("notes").isArray()).isTrue();
    }

    @Test
    void aCleanRepositoryHasNoFindings() throws Exception {
        Files.delete(repo.resolve("apps/web/dev/secret.yaml"));
        Files.delete(repo.resolve("apps/web/prod/secret.yaml"));
        write("apps/web/base/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          image: ghcr.io/acme/web
                """);
        write("apps/web/dev/kustomization.yaml", overlay("1.4.2", DIGEST, "debug"));
        write("apps/web/staging/kustomization.yaml", overlay("1.4.2", DIGEST, "debug"));
        write("apps/web/prod/kustomization.yaml", overlay("1.4.1", "sha256:" + "cd".repeat(32), "debug"));
        AuditReport report = audit();
        assertThat(report.findings()).isEmpty();
        assertThat(report.blocking()).isFalse();
        assertThat(report.notes()).isEmpty();
    }

    @Test
    void withoutConfigTheSecretsAndTagsAreStillAudited() throws Exception {
        Files.delete(repo.resolve(".gitops/promotion.yaml"));
        AuditReport report = ConfigAudit.audit(new DirectoryRepoTree(repo), Optional.empty(), YamlLimits.DEFAULT);
        assertThat(report.configSource()).isEmpty();
        assertThat(find(report, "apps/web/dev/secret.yaml", FindingKind.PLAINTEXT_SECRET).severity())
                .isEqualTo(Severity.BLOCKING);
        assertThat(find(report, "apps/web/dev/kustomization.yaml", FindingKind.MUTABLE_TAG).severity())
                .isEqualTo(Severity.WARNING);
        assertThat(report.findings()).as("no environment pins digests without config, and 1.4.2 is no mutable tag")
                .noneMatch(f -> f.file().equals("apps/web/prod/kustomization.yaml"));
        assertThat(report.findings()).noneMatch(f -> f.kind() == FindingKind.DRIFT);
    }

    @Test
    void theFilesOfAPromotionAreAuditedForSecretsWithTheEnvironmentsAllowance() {
        Map<String, byte[]> files = Map.of("apps/web/dev/secret.yaml", secret(devPassword).getBytes(StandardCharsets.UTF_8));
        Environment dev = new Environment("dev", Optional.of(PathTemplate.parse("apps/{app}/dev")), PromotionMode.COMMIT,
                Optional.empty(), List.of(), List.of(), false, false, true);
        AuditReport allowed = ConfigAudit.auditFiles(files, Map.of(), dev, YamlLimits.DEFAULT);
        assertThat(allowed.blocking()).isFalse();
        assertThat(allowed.findings()).singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);

        Environment prod = Environment.of("prod", PathTemplate.parse("apps/{app}/prod"));
        AuditReport refused = ConfigAudit.auditFiles(files, Map.of(), prod, YamlLimits.DEFAULT);
        assertThat(refused.blocking()).isTrue();
        assertThat(refused.findings()).singleElement().extracting(Finding::kind).isEqualTo(FindingKind.PLAINTEXT_SECRET);
        assertThat(refused.source()).isEqualTo("the files promoted into prod");
    }

    @Test
    void aConfigWithoutAppsStillNeedsNoFiles() throws Exception {
        PromotionConfig config = new PromotionConfig("test", List.of(Environment.of("dev", PathTemplate.parse("dev"))), List.of());
        AuditReport report = ConfigAudit.audit(new DirectoryRepoTree(repo), Optional.of(config), YamlLimits.DEFAULT);
        assertThat(report.findings()).extracting(Finding::kind).doesNotContain(FindingKind.DRIFT);
        assertThat(report.blocking()).isTrue(); // the prod Secret, in no environment the config knows
    }
}
