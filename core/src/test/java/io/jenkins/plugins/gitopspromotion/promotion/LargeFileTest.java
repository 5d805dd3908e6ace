package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.config.ConfigException;
import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.DirectoryRepoTree;
import io.jenkins.plugins.gitopspromotion.config.TestFiles;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.guard.AuditReport;
import io.jenkins.plugins.gitopspromotion.guard.ConfigAudit;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files far too large to read: a blob over 64 MiB beside a promotion's target is skipped and named, not an abort
 * naming no file; a 2 GB file in a checkout is never read into memory by {@code audit} or {@code config}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LargeFileTest {

    /** Over the 64 MiB any tree reads; zeros, so the pack that carries it stays small. */
    private static final int HUGE_BLOB = 70 * 1024 * 1024;

    @TempDir
    Path temp;

    @Test
    void aBlobOver64MibBesideTheTargetIsSkippedByThePromotionAndNamedByTheAudit() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(temp.resolve("git"), "ci", "pw-123456")) {
            Repository remote = server.createRepository("config");
            ConfigRepositoryFixture.seed(remote);
            BareRepos.seed(remote, "main", Map.of("apps/web/dev/huge.bin", new byte[HUGE_BLOB]), "A huge file");
            RepositoryLocation location = RepositoryLocation.parse(server.url("config").toString());
            GitAuth auth = GitAuth.password("ci", "pw-123456".toCharArray());
            PromotionEngine engine = TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache"), 30));

            PromotionResult result = engine.promote(PromotionRequest.builder(location, "dev").app("web").auth(auth)
                    .version(new VersionSource.Given(Optional.of("1.1.0"), Optional.empty())).build());
            AuditReport audit = engine.readBase(location, auth, "main",
                    (tree, commit) -> ConfigAudit.audit(tree, Optional.of(ConfigLoader.load(tree)), YamlLimits.DEFAULT));

            assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
            assertThat(audit.notes()).contains("apps/web/dev/huge.bin: not scanned: file is " + HUGE_BLOB
                    + " bytes, over the limit of " + YamlLimits.DEFAULT.maxBytes() + " bytes");
        }
    }

    /** A sparse file of 2 GiB: no disk space, but as large as can be to a reader. */
    private static void twoGigabytes(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(2L * 1024 * 1024 * 1024);
        }
    }

    @Test
    void aTwoGigabyteFileInACheckoutIsNotedByTheAuditWithoutBeingRead() throws IOException {
        TestFiles.write(temp, "apps/web/dev/kustomization.yaml", "images:\n- name: ghcr.io/acme/web\n  newTag: '1.0'\n");
        twoGigabytes(temp.resolve("apps/web/dev/dump.yaml"));

        AuditReport audit = ConfigAudit.audit(new DirectoryRepoTree(temp), Optional.empty(), YamlLimits.DEFAULT);

        assertThat(audit.notes()).contains("apps/web/dev/dump.yaml: not scanned: file is 2147483648 bytes, over the limit of "
                + YamlLimits.DEFAULT.maxBytes() + " bytes");
    }

    @Test
    void aTwoGigabyteConfigInACheckoutIsRefusedWithoutBeingRead() throws IOException {
        twoGigabytes(temp.resolve(ConfigLoader.CONFIG_PATH));

        assertThatThrownBy(() -> ConfigLoader.load(new DirectoryRepoTree(temp))).isInstanceOf(ConfigException.class)
                .hasMessage(ConfigLoader.CONFIG_PATH + ": file is 2147483648 bytes, over the limit of "
                        + YamlLimits.DEFAULT.maxBytes() + " bytes for a YAML file");
    }
}
