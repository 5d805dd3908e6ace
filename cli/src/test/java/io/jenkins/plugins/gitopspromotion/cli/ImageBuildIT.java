package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar builds with Jib and resolves the digest, with the password only in the environment. */
class ImageBuildIT {

    private static final Path JAR = Path.of(System.getProperty("gitops.promotion.jar", "target/gitops-promotion.jar"));
    private static final String PASSWORD = "Jar-Registry-Pa55";

    private static String run(int expectedExit, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(expectedExit);
        return output;
    }

    @Test
    void jibBuildAndResolveDigestFromTheJar(@TempDir Path dir) throws Exception {
        RealParts.require(TestRegistry.installed(), "docker-registry");
        RealParts.require(TestRegistry.skopeoInstalled(), "skopeo");
        Files.createDirectories(dir.resolve("context/site"));
        Files.writeString(dir.resolve("context/site/index.html"), "<p>jar</p>\n");
        try (TestRegistry registry = TestRegistry.basicAuthOverTls(dir.resolve("registry"), "jar-bot", PASSWORD)) {
            String image = registry.host() + "/acme/jar";
            Map<String, String> env = Map.of("REGISTRY_PASSWORD", PASSWORD, "GIT_COMMIT", "c0ffee");
            String built = run(0, env, "build", "--builder", "jib", "--context", dir.resolve("context").toString(),
                    "--layer", "site:/srv", "--image", image, "--tag", "1.0", "--push", "--insecure-registry",
                    "--registry-user", "jar-bot", "--registry-password-env", "REGISTRY_PASSWORD", "--json");
            JsonNode json = new ObjectMapper().readTree(built.lines().reduce((a, b) -> b).orElseThrow());
            assertThat(json.get("digest").asText()).isEqualTo(registry.skopeoDigest("acme/jar", "1.0"));
            assertThat(built).doesNotContain(PASSWORD);

            String resolved = run(0, env, "resolve-digest", "--image", image, "--tag", "1.0", "--ca-cert",
                    registry.caCertificate().toString(), "--registry-user", "jar-bot", "--registry-password-env", "REGISTRY_PASSWORD");
            assertThat(resolved).isEqualTo(json.get("digest").asText() + "\n");
        }
    }
}
