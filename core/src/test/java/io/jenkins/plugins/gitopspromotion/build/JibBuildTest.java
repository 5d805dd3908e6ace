package io.jenkins.plugins.gitopspromotion.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jib core builds from layers on scratch and pushes to the real registry; the digest is what it serves. */
class JibBuildTest {

    private static final String USER = "jib-bot";
    private static final String PASSWORD = "jib-Registry-Pa55";

    private static BuildRequest request(Path dir, String image, List<String> tags) throws Exception {
        Path app = Files.createDirectories(dir.resolve("context/app"));
        Files.writeString(app.resolve("index.html"), "<h1>" + image + "</h1>\n");
        Files.writeString(dir.resolve("context/VERSION"), "1\n");
        return BuildRequest.of(dir.resolve("context"), ImageReference.parseName(image), tags)
                .withLayers(List.of(Layer.parse("app:/srv/www"), Layer.parse("VERSION:/VERSION")), "scratch")
                .withLabels(OciLabels.complete(Map.of(), "https://git.example.com/acme/site.git", "feedbeef", Map.of(), Instant.now()))
                .withPush(true).withInsecureRegistry(true);
    }

    @Test
    void buildsLayersOnScratchAndPushesEveryTag(@TempDir Path dir) throws Exception {
        ImageFixtures.requireRegistry(false);
        try (TestRegistry registry = TestRegistry.plain(dir.resolve("registry"))) {
            BuildResult result = new JibImageBuilder().build(request(dir, registry.host() + "/acme/site", List.of("1.2.3", "stable")),
                    line -> { });

            String served = registry.skopeoDigest("acme/site", "1.2.3");
            assertThat(result.digest()).isEqualTo(served);
            assertThat(registry.skopeoDigest("acme/site", "stable")).isEqualTo(served);
            assertThat(result.reference()).isEqualTo(registry.host() + "/acme/site@" + served);
            String inspect = registry.skopeoInspect("acme/site", "1.2.3");
            assertThat(inspect).contains("\"org.opencontainers.image.revision\": \"feedbeef\"");
            assertThat(inspect.lines().filter(l -> l.contains("\"sha256:")).count()).as("two layers and the digest").isEqualTo(3);
        }
    }

    @Test
    void pushesWithCredentialsOverTlsAndNamesTheRegistryWhenRefused(@TempDir Path dir) throws Exception {
        ImageFixtures.requireRegistry(false);
        try (TestRegistry registry = TestRegistry.basicAuthOverTls(dir.resolve("registry"), USER, PASSWORD)) {
            BuildRequest request = request(dir, registry.host() + "/acme/secure", List.of("1"));

            BuildResult result = new JibImageBuilder().build(request.withAuth(RegistryAuth.password(registry.host(),
                    new RegistryCredential(USER, PASSWORD.toCharArray()))), line -> { });
            assertThat(result.digest()).isEqualTo(registry.skopeoDigest("acme/secure", "1"));

            String wrong = "not-" + PASSWORD;
            assertThatThrownBy(() -> new JibImageBuilder().build(request.withAuth(RegistryAuth.password(registry.host(),
                    new RegistryCredential(USER, wrong.toCharArray()))), line -> { }))
                    .isInstanceOfSatisfying(BuildException.class,
                            e -> assertThat(e.reason()).isEqualTo(BuildException.Reason.PUSH_UNAUTHORIZED))
                    .hasMessageContaining("jib could not push " + registry.host() + "/acme/secure: the registry " + registry.host()
                            + " refused the credentials given")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(wrong));
        }
    }

    @Test
    void refusesWhatJibCannotBuild(@TempDir Path dir) throws Exception {
        BuildRequest request = request(dir, "127.0.0.1:1/acme/x", List.of("1"));
        assertThatThrownBy(() -> new JibImageBuilder().build(request.withPush(false), l -> { }))
                .hasMessage("jib pushes as it builds: add --push");
        assertThatThrownBy(() -> new JibImageBuilder().build(request.withFile(dir.resolve("Containerfile")), l -> { }))
                .hasMessageContaining("jib builds without a Containerfile");
        assertThatThrownBy(() -> new JibImageBuilder().build(request.withLayers(List.of(Layer.parse("nope:/x")), null), l -> { }))
                .hasMessageContaining("the layer source").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Layer.parse("app"))
                .hasMessage("a layer is SRC:DEST, e.g. build/app:/app, not 'app'");
        assertThatThrownBy(() -> Layer.parse("app:relative"))
                .hasMessageContaining("must be an absolute path in the image");
    }
}
