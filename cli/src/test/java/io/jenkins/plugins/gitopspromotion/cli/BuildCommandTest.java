package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitopspromotion.testing.Programs;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code build} and {@code resolve-digest} on the command line, against the real registry and buildah. */
class BuildCommandTest {

    private static final String USER = "cli-bot";
    private static final String PASSWORD = "Cli-Registry-Pa55";

    private static Path context(Path dir) throws Exception {
        Path context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve("hello.txt"), "hello from the command line\n");
        Files.writeString(context.resolve("Containerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\n");
        return context;
    }

    @Test
    void buildsWithBuildahPushesAndResolvesTheSameDigest(@TempDir Path dir) throws Exception {
        RealParts.require(TestRegistry.installed(), "docker-registry");
        RealParts.require(Programs.installed("buildah"), "buildah");
        RealParts.require(TestRegistry.skopeoInstalled(), "skopeo");
        try (TestRegistry registry = TestRegistry.plain(dir.resolve("registry"))) {
            String image = registry.host() + "/acme/cli";
            CliRun build = CliRun.of("build", "--context", context(dir).toString(), "--image", image, "--tag", "1.0", "--tag", "edge",
                    "--builder", "buildah", "--push", "--insecure-registry", "--storage-driver", "vfs", "--isolation", "chroot",
                    "--storage-root", dir.resolve("storage").toString(), "--label", "team=cli", "--json");

            assertThat(build.exitCode()).as(build.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(build.out());
            String served = registry.skopeoDigest("acme/cli", "edge");
            assertThat(json.get("digest").asText()).isEqualTo(served);
            assertThat(json.get("reference").asText()).isEqualTo(image + "@" + served);
            assertThat(json.get("tags").toString()).isEqualTo("[\"1.0\",\"edge\"]");

            CliRun resolve = CliRun.of("resolve-digest", "--image", image, "--tag", "1.0", "--insecure-registry");
            assertThat(resolve.exitCode()).as(resolve.err()).isZero();
            assertThat(resolve.out()).isEqualTo(served + "\n");
        }
    }

    @Test
    void resolvesOverTlsWithAnAuthFileAndRefusesWithoutOne(@TempDir Path dir) throws Exception {
        RealParts.require(TestRegistry.installed(), "docker-registry");
        RealParts.require(Programs.installed("buildah"), "buildah");
        try (TestRegistry registry = TestRegistry.basicAuthOverTls(dir.resolve("registry"), USER, PASSWORD)) {
            Path auth = Files.writeString(dir.resolve("auth.json"), "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\""
                    + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes()) + "\"}}}");
            String image = registry.host() + "/acme/private";
            CliRun build = CliRun.of("build", "--context", context(dir).toString(), "--image", image, "--tag", "2.0",
                    "--builder", "buildah", "--push", "--ca-cert", registry.caCertificate().toString(),
                    "--storage-driver", "vfs", "--isolation", "chroot",
                    "--storage-root", dir.resolve("storage").toString(), "--registry-auth", auth.toString());
            assertThat(build.exitCode()).as(build.err()).isZero();
            assertThat(build.out()).startsWith("pushed " + image + ":2.0\ndigest: sha256:");
            String digest = build.out().lines().filter(l -> l.startsWith("digest: ")).findFirst().orElseThrow().substring(8);

            CliRun resolve = CliRun.of("resolve-digest", "--image", image, "--tag", "2.0", "--ca-cert",
                    registry.caCertificate().toString(), "--registry-auth", auth.toString(), "--json");
            assertThat(resolve.exitCode()).as(resolve.err()).isZero();
            assertThat(resolve.out()).isEqualTo("{\"image\":\"" + image + "\",\"tag\":\"2.0\",\"digest\":\"" + digest
                    + "\",\"reference\":\"" + image + "@" + digest + "\"}\n");

            CliRun anonymous = CliRun.of("resolve-digest", "--image", image, "--tag", "2.0", "--ca-cert", registry.caCertificate().toString());
            assertThat(anonymous.exitCode()).isEqualTo(GitOpsPromotionCli.FAILED);
            assertThat(anonymous.err()).isEqualTo("gitops-promotion: the registry " + registry.host()
                    + " refused an anonymous request (give registry credentials)\n");

            CliRun refused = CliRun.of("build", "--context", context(dir).toString(), "--image", image, "--tag", "3.0",
                    "--builder", "buildah", "--push", "--insecure-registry", "--storage-driver", "vfs", "--isolation", "chroot",
                    "--storage-root", dir.resolve("storage").toString());
            assertThat(refused.exitCode()).isEqualTo(GitOpsPromotionCli.FAILED);
            assertThat(refused.err()).contains("gitops-promotion: buildah could not push " + image + ": the registry "
                    + registry.host() + " refused an anonymous push").doesNotContain(PASSWORD);
        }
    }

    @Test
    void badInputIsAUsageError(@TempDir Path dir) throws Exception {
        CliRun builder = CliRun.of("build", "--context", dir.toString(), "--image", "r.example.com/a", "--tag", "1", "--builder", "bazel");
        assertThat(builder.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        assertThat(builder.err()).contains("'bazel' is not a builder; choose one of buildah, podman, docker, kaniko, jib");

        CliRun password = CliRun.of("resolve-digest", "--image", "r.example.com/a", "--tag", "1", "--registry-user", "u",
                "--registry-password-env", "GITOPS_PROMOTION_TEST_UNSET_VARIABLE");
        assertThat(password.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        assertThat(password.err()).contains("the environment variable GITOPS_PROMOTION_TEST_UNSET_VARIABLE is not set");

        CliRun noRegistry = CliRun.of("resolve-digest", "--image", "acme/web", "--tag", "1");
        assertThat(noRegistry.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        assertThat(noRegistry.err()).contains("--image acme/web names no registry");

        CliRun jibWithoutLayers = CliRun.of("build", "--context", dir.toString(), "--image", "127.0.0.1:1/a", "--tag", "1",
                "--builder", "jib", "--push");
        assertThat(jibWithoutLayers.exitCode()).isEqualTo(GitOpsPromotionCli.FAILED);
        assertThat(jibWithoutLayers.err()).isEqualTo("gitops-promotion: jib needs at least one --layer SRC:DEST to put into the image\n");
    }
}
