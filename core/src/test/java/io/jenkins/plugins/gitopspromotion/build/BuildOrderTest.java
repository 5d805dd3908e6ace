package io.jenkins.plugins.gitopspromotion.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.promotion.AccessCredentials;
import io.jenkins.plugins.gitopspromotion.testing.TestRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build orders as the Jenkins plugin sends them to an agent: serialized, then run in a workspace there. */
class BuildOrderTest {

    private static final String USER = "order-bot";
    private static final String PASSWORD = "order-Registry-Pa55";

    @Test
    void aSerializedOrderBuildsInTheWorkspaceWithTheBuildsProvenance(@TempDir Path dir) throws Exception {
        ImageFixtures.requireRegistry(false);
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Files.createDirectories(workspace.resolve("site/public"));
        Files.writeString(workspace.resolve("site/public/index.html"), "<h1>order</h1>\n");
        try (TestRegistry registry = TestRegistry.basicAuthOverTls(dir.resolve("registry"), USER, PASSWORD)) {
            BuildOrder order = travel(new BuildOrder(registry.host() + "/acme/site", List.of("2.0.0"), "jib")
                    .context("site").layer("public:/srv/www").push(true).insecureRegistry(true)
                    .credentials(AccessCredentials.password(USER, PASSWORD.toCharArray())).check());
            assertThat(order.toString()).doesNotContain(PASSWORD);

            BuildResult result = order.run(workspace, Map.of("GIT_URL", "https://ci-bot:tok3n@git.example.com/acme/site.git",
                    "GIT_COMMIT", "0123456789abcdef"), new LocalProcessRunner(), LocalScratchSpace.temporary(), line -> { });
            assertThat(result.digest()).isEqualTo(registry.skopeoDigest("acme/site", "2.0.0"));
            String inspect = registry.skopeoInspect("acme/site", "2.0.0");
            assertThat(inspect).contains("\"org.opencontainers.image.revision\": \"0123456789abcdef\"")
                    .contains("\"org.opencontainers.image.source\": \"https://git.example.com/acme/site.git\"")
                    .doesNotContain("tok3n");
        }
    }

    @Test
    void badInputIsNamedBeforeAnyWork() {
        assertThatThrownBy(() -> new BuildOrder("ghcr.io/acme/web", List.of("1"), "bazel").check())
                .hasMessage("'bazel' is not a builder; choose one of buildah, podman, docker, kaniko, jib");
        assertThatThrownBy(() -> new BuildOrder("ghcr.io/acme/web:1", List.of("1"), "buildah").check())
                .hasMessageContaining("has a tag");
        assertThatThrownBy(() -> new BuildOrder("ghcr.io/acme/web", List.of(), "buildah").check())
                .hasMessageContaining("at least one tag");
        assertThatThrownBy(() -> new BuildOrder("ghcr.io/acme/web", List.of("bad tag;rm"), "buildah").check())
                .hasMessageContaining("bad tag;rm");
        assertThatThrownBy(() -> new BuildOrder("ghcr.io/acme/web", List.of("1"), "buildah").buildArg("NOVALUE"))
                .hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> new BuildOrder("ghcr.io/acme/web", List.of("1"), "buildah")
                .credentials(AccessCredentials.sshKey("-----BEGIN OPENSSH PRIVATE KEY-----", null)).check())
                .hasMessageContaining("user name with a password or token");
    }

    private static BuildOrder travel(BuildOrder order) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(order);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (BuildOrder) in.readObject();
        }
    }
}
