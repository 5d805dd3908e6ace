package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code gitops-promotion.jar}, started as README tells users to start it. */
class RunnableJarIT {

    private static final Path JAR = Path.of(System.getProperty("gitops.promotion.jar", "target/gitops-promotion.jar"));

    private static String run(int expectedExit, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(expectedExit);
        return output;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void theDemoRunsFromTheJar(@TempDir Path dir) throws Exception {
        assertThat(JAR).as("the shaded jar; build with mvn package").exists();
        String output = run(0, "demo", "--dir", dir.resolve("demo").toString());
        assertThat(output).contains("== 11. What runs where now ==").contains("6 commits on main");
        assertThat(dir.resolve("demo").resolve("config.git").resolve("HEAD")).isRegularFile();
    }

    @Test
    void processesSharingOneCacheFolderAllLand(@TempDir Path dir) throws Exception {
        Path bare = dir.resolve("config.git");
        int apps = 4;
        try (Repository remote = BareRepos.create(bare)) {
            Map<String, Object> files = new LinkedHashMap<>();
            StringBuilder config = new StringBuilder("environments:\n- name: dev\n  path: apps/{app}\n  mode: commit\napps:\n");
            for (int i = 0; i < apps; i++) {
                config.append("- name: app").append(i).append("\n  image: ghcr.io/acme/app").append(i).append('\n');
                files.put("apps/app" + i + "/kustomization.yaml", "images:\n- name: ghcr.io/acme/app" + i + "\n  newTag: '1'\n");
            }
            files.put(".gitops/promotion.yaml", config.toString());
            BareRepos.seed(remote, "main", files, "seed");

            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < apps; i++) {
                processes.add(new ProcessBuilder(java(), "-jar", JAR.toString(), "promote", "--repo", bare.toString(),
                        "--cache-dir", dir.resolve("cache").toString(), "--env", "dev", "--app", "app" + i, "--tag", "2." + i,
                        "--boundary", "off")
                        .redirectErrorStream(true).start());
            }
            for (Process process : processes) {
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as(output).isZero();
                assertThat(output).startsWith("promoted: ");
            }
            assertThat(BareRepos.log(remote, "main")).hasSize(apps + 1);
            assertThat(BareRepos.isLinear(remote, "main")).isTrue();
            // The table is printed without a final println: the jar must flush it before exiting.
            assertThat(run(0, "status", "--repo", bare.toString(), "--cache-dir", dir.resolve("cache").toString()))
                    .contains("app0  2.0\n").contains("app3  2.3\n");
            for (int i = 0; i < apps; i++) {
                assertThat(BareRepos.readFile(remote, "main", "apps/app" + i + "/kustomization.yaml")).contains("newTag: '2." + i + "'");
            }
        }
    }

    @Test
    void versionHelpAndUsageErrors() throws Exception {
        // The version is the build's: 999999-SNAPSHOT while developing, the commit count and hash once released.
        assertThat(run(0, "--version")).startsWith("gitops-promotion " + System.getProperty("gitops.promotion.version", "999999-SNAPSHOT") + "\n");
        assertThat(run(0, "--help")).contains("demo").contains("config");
        assertThat(run(2, "no-such-command")).contains("Unmatched argument");
        assertThat(Files.isRegularFile(JAR)).isTrue();
    }
}
