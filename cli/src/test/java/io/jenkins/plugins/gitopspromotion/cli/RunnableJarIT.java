package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code gitops-promotion.jar}, started as README tells users to start it. */
class RunnableJarIT {

    private static final Path JAR = Path.of(System.getProperty("gitops.promotion.jar", "target/gitops-promotion.jar"));

    private static String run(int expectedExit, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(expectedExit);
        return output;
    }

    @Test
    void theDemoRunsFromTheJar(@TempDir Path dir) throws Exception {
        assertThat(JAR).as("the shaded jar; build with mvn package").exists();
        String output = run(0, "demo", "--dir", dir.resolve("demo").toString());
        assertThat(output).contains("== 11. What runs where now ==").contains("6 commits on main");
        assertThat(dir.resolve("demo").resolve("config.git").resolve("HEAD")).isRegularFile();
    }

    @Test
    void versionHelpAndUsageErrors() throws Exception {
        assertThat(run(0, "--version")).startsWith("gitops-promotion 0.");
        assertThat(run(0, "--help")).contains("demo").contains("config");
        assertThat(run(2, "no-such-command")).contains("Unmatched argument");
        assertThat(Files.isRegularFile(JAR)).isTrue();
    }
}
