package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.Programs;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's container image, as the build wrote it (target/gitops-promotion-image.tar, an OCI archive), loaded
 * with buildah and run as a CI system runs it: its entrypoint, its non-root user, its class-data archive, and a real
 * promotion into a config repository mounted into the container.
 */
class ImageIT {

    private static final Path IMAGE = Path.of(System.getProperty("gitops.promotion.image", "target/gitops-promotion-image.tar"));
    private static final String VERSION = System.getProperty("gitops.promotion.version", "999999-SNAPSHOT");

    /** buildah with its storage in the test's folder: vfs and chroot isolation work without privileges or overlay. */
    private static List<String> buildah(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("buildah", "--root", dir.resolve("storage/root").toString(), "--runroot",
                dir.resolve("storage/run").toString(), "--storage-driver", "vfs"));
        command.addAll(List.of(args));
        return command;
    }

    private static String container(Path dir) throws IOException {
        RealParts.require(Programs.installed("buildah"), "buildah");
        RealParts.require(Files.isRegularFile(IMAGE), "the image archive " + IMAGE + " (built on Linux by cli/pom.xml's image profile)");
        return Programs.runOk(Map.of(), buildah(dir, "from", "--quiet", "oci-archive:" + IMAGE.toAbsolutePath())).strip();
    }

    /** Runs the image's own entrypoint with {@code args}, as {@code docker run IMAGE ARGS} would. */
    private static Programs.Result run(Path dir, String container, List<String> options, List<String> entrypoint, String... args)
            throws IOException {
        List<String> command = buildah(dir, "run", "--isolation", "chroot");
        command.addAll(options);
        command.add(container);
        command.add("--");
        command.addAll(entrypoint);
        command.addAll(List.of(args));
        return Programs.run(Map.of(), command);
    }

    private static JsonNode config(Path dir, String container) throws IOException {
        return new ObjectMapper().readTree(Programs.runOk(Map.of(), buildah(dir, "inspect", "--type", "container", container)))
                .path("OCIv1").path("config");
    }

    private static List<String> entrypoint(JsonNode config) {
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
        assertThat(entrypoint).isNotEmpty();
        return entrypoint;
    }

    @Test
    void theImageIsLabelledRunsAsNonRootAndStartsFromItsClassDataArchive(@TempDir Path dir) throws Exception {
        String container = container(dir);
        JsonNode config = config(dir, container);
        assertThat(config.path("User").asText()).isEqualTo("65532:65532");
        JsonNode labels = config.path("Labels");
        assertThat(labels.path("org.opencontainers.image.source").asText()).isEqualTo("https://github.com/jenkinsci/gitops-promotion-plugin");
        assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(VERSION);
        assertThat(labels.path("org.opencontainers.image.revision").asText()).matches("[0-9a-f]{40}");
        List<String> entrypoint = entrypoint(config);

        Programs.Result version = run(dir, container, List.of(), entrypoint, "--version");
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).isEqualTo("gitops-promotion " + VERSION + "\n");

        // -Xshare:on makes a JVM that cannot map the archive exit; the log says where the command's classes came from.
        Programs.Result shared = run(dir, container, List.of("--env", "JAVA_TOOL_OPTIONS=-Xshare:on -Xlog:class+load=info"), entrypoint,
                "--version");
        assertThat(shared.exitCode()).as(shared.output()).isZero();
        assertThat(shared.output()).contains("io.jenkins.plugins.gitopspromotion.cli.GitOpsPromotionCli source: shared objects file");

        // The JVM names the user it runs as from the image's /etc/passwd: nonroot, uid 65532 (the launcher reads
        // JDK_JAVA_OPTIONS; -XshowSettings is a launcher option).
        Programs.Result user = run(dir, container, List.of("--env", "JDK_JAVA_OPTIONS=-XshowSettings:properties"), entrypoint, "--version");
        assertThat(user.exitCode()).as(user.output()).isZero();
        assertThat(user.output()).contains("user.name = nonroot").contains("user.home = /home/nonroot");
    }

    @Test
    void aPromotionInsideTheImageIntoAMountedConfigRepository(@TempDir Path dir) throws Exception {
        String container = container(dir);
        List<String> entrypoint = entrypoint(config(dir, container));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path bare = work.resolve("config.git");
        try (Repository remote = BareRepos.create(bare)) {
            BareRepos.seed(remote, "main", Map.of(
                    ".gitops/promotion.yaml", "environments:\n- name: dev\n  path: apps/{app}/dev\n  mode: commit\n"
                            + "apps:\n- name: web\n  image: ghcr.io/acme/web\n",
                    "apps/web/dev/kustomization.yaml", "# dev\nimages:\n- name: ghcr.io/acme/web\n  newTag: 1.4.2 # pinned\n"), "seed");
            // The container's user (65532) writes the promotion's objects and refs into the host's folder.
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxrwxrwx" : "rw-rw-rw-"));
                }
            }

            Programs.Result promoted = run(dir, container, List.of("--volume", work + ":/work"), entrypoint, "promote", "--repo",
                    "/work/config.git", "--env", "dev", "--app", "web", "--tag", "1.5.0", "--json");
            assertThat(promoted.exitCode()).as(promoted.output()).isZero();
            JsonNode result = new ObjectMapper().readTree(promoted.output().lines().reduce((a, b) -> b).orElseThrow());
            assertThat(result.path("status").asText()).isEqualTo("promoted");
            assertThat(result.path("commit").asText()).isEqualTo(BareRepos.head(remote, "main").name());
            assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml"))
                    .isEqualTo("# dev\nimages:\n- name: ghcr.io/acme/web\n  newTag: 1.5.0 # pinned\n");
        }
    }
}
