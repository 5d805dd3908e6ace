package io.jenkins.plugins.gitopspromotion.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real buildah builds and pushes to the real registry; the digest is checked against what it serves. */
class BuildahBuildTest {

    private static final String USER = "ci-bot";
    private static final String PASSWORD = "s3cret-Registry-Pa55";

    @Test
    void buildsAndPushesEveryTagAndReportsTheDigestTheRegistryServes(@TempDir Path dir) throws Exception {
        ImageFixtures.requireRegistry(true);
        try (TestRegistry registry = TestRegistry.plain(dir.resolve("registry"))) {
            Map<String, String> labels = OciLabels.complete(Map.of("team", "web"), null, null,
                    Map.of("GIT_URL", "https://bot:tok3n@git.example.com/acme/web.git", "GIT_COMMIT", "0123abcd"), Instant.now());
            BuildRequest request = BuildRequest.of(ImageFixtures.context(dir, "plain"),
                    ImageReference.parseName(registry.host() + "/acme/web"), List.of("1.0.0", "latest"))
                    .withLabels(labels).withBuildArgs(Map.of("GREETING", "hi")).withPush(true).withInsecureRegistry(true);
            RecordingRunner runner = new RecordingRunner();
            List<String> log = new ArrayList<>();

            BuildResult result = BuilderKind.BUILDAH.builder(runner, LocalScratchSpace.temporary(), ImageFixtures.storage(dir)).build(request, log::add);

            String served = registry.skopeoDigest("acme/web", "1.0.0");
            assertThat(result.digest()).isEqualTo(served);
            assertThat(registry.skopeoDigest("acme/web", "latest")).isEqualTo(served);
            assertThat(result.reference()).isEqualTo(registry.host() + "/acme/web@" + served);
            assertThat(result.tags()).containsExactly("1.0.0", "latest");
            assertThat(result.toJson()).isEqualTo("{\"image\":\"" + registry.host() + "/acme/web\",\"tags\":[\"1.0.0\",\"latest\"],"
                    + "\"digest\":\"" + served + "\",\"reference\":\"" + registry.host() + "/acme/web@" + served + "\"}");
            assertThat(runner.commands).hasSize(3);
            assertThat(runner.commands.get(0).argv()).startsWith("buildah", "--root").contains("build", "--isolation", "chroot");
            assertThat(runner.authFiles).as("no credentials, no auth file").isEmpty();
            assertThat(log).isNotEmpty();

            String inspect = registry.skopeoInspect("acme/web", "1.0.0");
            assertThat(inspect).contains("\"org.opencontainers.image.source\": \"https://git.example.com/acme/web.git\"")
                    .contains("\"org.opencontainers.image.revision\": \"0123abcd\"")
                    .contains("\"org.opencontainers.image.created\"").contains("\"team\": \"web\"").doesNotContain("tok3n");
        }
    }

    @Test
    void pushesOverCheckedTlsWithCredentialsThroughAnOwnerOnlyAuthFileThatIsGoneAfterwards(@TempDir Path dir) throws Exception {
        ImageFixtures.requireRegistry(true);
        try (TestRegistry registry = TestRegistry.basicAuthOverTls(dir.resolve("registry"), USER, PASSWORD)) {
            BuildRequest request = BuildRequest.of(ImageFixtures.context(dir, "tls"),
                    ImageReference.parseName(registry.host() + "/acme/api"), List.of("2.0.0"))
                    .withPush(true).withCaCertificate(registry.caCertificate())
                    .withAuth(RegistryAuth.password(registry.host(), new RegistryCredential(USER, PASSWORD.toCharArray())));
            RecordingRunner runner = new RecordingRunner();

            BuildResult result = BuilderKind.BUILDAH.builder(runner, LocalScratchSpace.temporary(), ImageFixtures.storage(dir)).build(request, line -> { });

            assertThat(result.digest()).isEqualTo(registry.skopeoDigest("acme/api", "2.0.0"));
            assertThat(runner.commands.get(1).argv()).contains("--cert-dir").doesNotContain("--tls-verify=false");
            assertThat(runner.authPermissions).isNotEmpty().allMatch(p -> p.equals("rw------- rwx------"));
            assertThat(runner.authFiles).allSatisfy(file -> assertThat(file.getParent()).doesNotExist());
            assertThat(runner.commands).allSatisfy(c -> assertThat(String.join(" ", c.argv()) + c.environment())
                    .doesNotContain(PASSWORD));
            assertThat(String.join("\n", runner.output)).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aPushWithoutOrWithWrongCredentialsIsAClearAuthErrorNamingBuilderAndRegistry(@TempDir Path dir) throws Exception {
        ImageFixtures.requireRegistry(true);
        try (TestRegistry registry = TestRegistry.basicAuthOverTls(dir.resolve("registry"), USER, PASSWORD)) {
            BuildRequest anonymous = BuildRequest.of(ImageFixtures.context(dir, "denied"),
                    ImageReference.parseName(registry.host() + "/acme/api"), List.of("3.0.0")).withPush(true).withInsecureRegistry(true);
            ImageBuilder buildah = BuilderKind.BUILDAH.builder(new LocalProcessRunner(), LocalScratchSpace.temporary(), ImageFixtures.storage(dir));

            assertThatThrownBy(() -> buildah.build(anonymous, line -> { }))
                    .isInstanceOfSatisfying(BuildException.class, e -> {
                        assertThat(e.reason()).isEqualTo(BuildException.Reason.PUSH_UNAUTHORIZED);
                        assertThat(e.lastLines()).isNotEmpty();
                    })
                    .hasMessageContaining("buildah could not push " + registry.host() + "/acme/api")
                    .hasMessageContaining("the registry " + registry.host() + " refused an anonymous push");

            String wrong = "wrong-" + PASSWORD;
            RecordingRunner runner = new RecordingRunner();
            BuildRequest wrongPassword = anonymous.withAuth(RegistryAuth.password(registry.host(), new RegistryCredential(USER, wrong.toCharArray())));
            assertThatThrownBy(() -> BuilderKind.BUILDAH.builder(runner, LocalScratchSpace.temporary(), ImageFixtures.storage(dir)).build(wrongPassword, line -> { }))
                    .isInstanceOfSatisfying(BuildException.class,
                            e -> assertThat(e.reason()).isEqualTo(BuildException.Reason.PUSH_UNAUTHORIZED))
                    .hasMessageContaining("refused the credentials given")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(wrong));
            assertThat(String.join("\n", runner.output)).doesNotContain(wrong);
            assertThat(runner.authFiles).isNotEmpty().allSatisfy(file -> assertThat(file).doesNotExist());
        }
    }

    @Test
    void aFailingBuildIsReportedWithTheBuildersLastLines(@TempDir Path dir) throws Exception {
        ImageFixtures.requireRegistry(true);
        Path context = ImageFixtures.context(dir, "broken");
        Files.writeString(context.resolve("Containerfile"), "FROM scratch\nCOPY missing.txt /missing.txt\n");
        BuildRequest request = BuildRequest.of(context, ImageReference.parseName("127.0.0.1:1/acme/broken"), List.of("1"));

        assertThatThrownBy(() -> BuilderKind.BUILDAH.builder(new LocalProcessRunner(), LocalScratchSpace.temporary(), ImageFixtures.storage(dir)).build(request, l -> { }))
                .isInstanceOfSatisfying(BuildException.class, e -> assertThat(e.reason()).isEqualTo(BuildException.Reason.BUILD_FAILED))
                .hasMessageContaining("buildah failed to build 127.0.0.1:1/acme/broken (exit ")
                .hasMessageContaining("missing.txt");
    }
}
