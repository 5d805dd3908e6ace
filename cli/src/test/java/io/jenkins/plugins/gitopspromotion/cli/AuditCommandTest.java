package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A password put together at run time, so that this source holds none. */
    private static final String PASSWORD = "S3cr" + "etP@ss" + "w0rd!2024";
    private static final String ENCODED = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));

    private static final String CONFIG = """
            environments:
              - name: dev
                path: apps/{app}/dev
                mode: commit
              - name: prod
                path: apps/{app}/prod
                pinDigest: true
            apps:
              - name: web
                image: ghcr.io/acme/web
            """;

    private static final String SECRET = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: web-session
            data:
              password: %s
            """.formatted(ENCODED);

    @TempDir
    Path temp;

    private Path repo() throws Exception {
        Path repo = temp.resolve("config");
        write(repo, ".gitops/promotion.yaml", CONFIG);
        String kustomization = "resources:\n  - ../base\nimages:\n  - name: ghcr.io/acme/web\n    newTag: %s\n";
        write(repo, "apps/web/dev/kustomization.yaml", kustomization.formatted("latest"));
        write(repo, "apps/web/prod/kustomization.yaml", kustomization.formatted("1.4.2\n    digest: sha256:" + "ab".repeat(32)));
        return repo;
    }

    private static void write(Path root, String path, String content) throws Exception {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), content);
    }

    @Test
    void aBlockingFindingInALocalFolderExitsWithTheRefusedCode() throws Exception {
        Path repo = repo();
        write(repo, "apps/web/prod/secret.yaml", SECRET);
        CliRun run = CliRun.of("audit", "--repo", repo.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(GitOpsPromotionCli.REFUSED);
        assertThat(run.out())
                .startsWith("Audit of folder " + repo + " (.gitops/promotion.yaml): 1 blocking finding, 2 warnings\n"
                        + "BLOCKING\n"
                        + "  apps/web/prod/secret.yaml:6 plaintext-secret Secret web-session holds data.password in plain"
                        + " text; seal it (SealedSecret), encrypt it (SOPS) or fetch it from a secret store (ExternalSecret)"
                        + " [UzNj…(28 chars)]\n"
                        + "WARNING\n"
                        + "  apps/web/dev/kustomization.yaml:4 mutable-tag images[ghcr.io/acme/web] sets the mutable tag"
                        + " latest; pin a version [l…(6 chars)]\n"
                        + "  apps/web/prod/secret.yaml drift app web: apps/web/prod/secret.yaml has no counterpart"
                        + " apps/web/dev/secret.yaml in dev; review whether the environments should differ\n")
                .doesNotContain(ENCODED).doesNotContain(PASSWORD);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void withJsonItPrintsOneObjectListingTheFindings() throws Exception {
        Path repo = repo();
        write(repo, "apps/web/prod/secret.yaml", SECRET);
        CliRun run = CliRun.of("audit", "--repo", repo.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(GitOpsPromotionCli.REFUSED);
        assertThat(run.out()).doesNotContain(ENCODED).doesNotContain(PASSWORD);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("blocking").asBoolean()).isTrue();
        assertThat(report.get("counts").get("blocking").asInt()).isEqualTo(1);
        JsonNode first = report.get("findings").get(0);
        assertThat(first.get("file").asText()).isEqualTo("apps/web/prod/secret.yaml");
        assertThat(first.get("line").asInt()).isEqualTo(6);
        assertThat(first.get("kind").asText()).isEqualTo("plaintext-secret");
        assertThat(first.get("severity").asText()).isEqualTo("blocking");
        assertThat(first.get("maskedValue").asText()).isEqualTo("UzNj…(28 chars)");
    }

    @Test
    void warningsAloneExitWithZero() throws Exception {
        CliRun run = CliRun.of("audit", "--repo", repo().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(": 0 blocking findings, 1 warning\nWARNING\n");

        CliRun json = CliRun.of("audit", "--repo", repo().toString(), "--json");
        assertThat(json.exitCode()).isZero();
        assertThat(JSON.readTree(json.out()).get("blocking").asBoolean()).isFalse();
    }

    @Test
    void aFolderWithoutConfigIsAuditedWithANote() throws Exception {
        Path repo = temp.resolve("plain");
        write(repo, "secret.yaml", SECRET);
        CliRun run = CliRun.of("audit", "--repo", repo.toString());
        assertThat(run.exitCode()).isEqualTo(GitOpsPromotionCli.REFUSED);
        assertThat(run.out()).contains("Audit of folder " + repo + ": 1 blocking finding, 0 warnings")
                .contains("Notes\n  no promotion config, so drift and pinned digests were not checked:");
    }

    @Test
    void aRepositoryUrlIsReadAtTheBaseBranchThroughTheMirrorCache() throws Exception {
        Path bare = temp.resolve("remote.git");
        try (Repository remote = BareRepos.create(bare)) {
            ConfigRepositoryFixture.seed(remote);
            String url = bare.toUri().toString();
            CliRun clean = CliRun.of("audit", "--repo", url, "--cache-dir", temp.resolve("cache").toString());
            assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
            assertThat(clean.out()).startsWith("Audit of " + url + " main at ")
                    .contains("(.gitops/promotion.yaml): 0 blocking findings, 0 warnings");

            BareRepos.commitFile(remote, "main", "apps/web/prod/secret.yaml", SECRET, "Add a secret by mistake");
            CliRun refused = CliRun.of("audit", "--repo", url, "--base", "main", "--cache-dir",
                    temp.resolve("cache").toString(), "--json");
            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(GitOpsPromotionCli.REFUSED);
            assertThat(JSON.readTree(refused.out()).get("findings").get(0).get("file").asText())
                    .isEqualTo("apps/web/prod/secret.yaml");

            CliRun bareFolder = CliRun.of("audit", "--repo", bare.toString(), "--cache-dir", temp.resolve("cache").toString());
            assertThat(bareFolder.exitCode()).as("a bare repository folder is read as Git").isEqualTo(GitOpsPromotionCli.REFUSED);
            assertThat(bareFolder.out()).contains(" main at ");
        }
    }

    @Test
    void aMissingFolderIsAUsageError() {
        CliRun run = CliRun.of("audit", "--repo", temp.resolve("nowhere").toString());
        assertThat(run.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        assertThat(run.err()).contains("is neither a folder nor a Git repository URL");
    }

    @Test
    void aMissingBaseBranchFails() throws Exception {
        Path bare = temp.resolve("remote.git");
        try (Repository remote = BareRepos.create(bare)) {
            ConfigRepositoryFixture.seed(remote);
            CliRun run = CliRun.of("audit", "--repo", bare.toUri().toString(), "--base", "release",
                    "--cache-dir", temp.resolve("cache").toString());
            assertThat(run.exitCode()).isEqualTo(GitOpsPromotionCli.FAILED);
            assertThat(run.err()).contains("release");
        }
    }
}
