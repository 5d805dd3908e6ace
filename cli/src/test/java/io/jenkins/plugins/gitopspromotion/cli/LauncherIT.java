package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher README tells users to run ({@code target/gitops-promotion}): it makes a class-data archive for the
 * jar and the Java on the first run, uses it from then on, makes a new one for another jar, and starts without one
 * when told to.
 */
class LauncherIT {

    private static final Path JAR = Path.of(System.getProperty("gitops.promotion.jar", "target/gitops-promotion.jar"));

    @TempDir
    Path dir;

    /** The launcher and the jar, side by side in a folder of their own (so the jar can be touched). */
    private Path install() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.copy(JAR.resolveSibling("gitops-promotion"), bin.resolve("gitops-promotion"));
        Files.setPosixFilePermissions(bin.resolve("gitops-promotion"), PosixFilePermissions.fromString("rwx------"));
        Files.copy(JAR, bin.resolve("gitops-promotion.jar"));
        return bin.resolve("gitops-promotion");
    }

    private String run(Path launcher, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The archives made so far (an AOT cache on Java 25 and later, a static class-data archive before). */
    private List<Path> archives() throws IOException {
        Path jvm = dir.resolve("cache/gitops-promotion/jvm");
        if (!Files.isDirectory(jvm)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(jvm)) {
            return files.filter(p -> p.getFileName().toString().matches("app\\.(jsa|aot)")).sorted().toList();
        }
    }

    private List<Path> awaitArchives(int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (archives().size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(200); // the static archive is dumped in the background after the first run
        }
        return archives();
    }

    @Test
    void theFirstRunMakesTheArchiveAndTheNextUsesIt() throws Exception {
        Path launcher = install();

        assertThat(run(launcher, Map.of(), "--version")).startsWith("gitops-promotion ");
        List<Path> made = awaitArchives(1);
        assertThat(made).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made.get(0).getParent()))).isEqualTo("rwx------");

        Path classes = dir.resolve("classes.log");
        run(launcher, Map.of("GITOPS_PROMOTION_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes), "--version");
        assertThat(Files.readString(classes)).contains("source: shared objects file")
                .contains("io.jenkins.plugins.gitopspromotion.cli.GitOpsPromotionCli");

        // Another jar (rebuilt): a new archive, the old one never used for it.
        Files.setLastModifiedTime(launcher.resolveSibling("gitops-promotion.jar"), FileTime.from(Instant.now().plusSeconds(60)));
        run(launcher, Map.of(), "--version");
        assertThat(awaitArchives(2)).hasSize(2).contains(made.get(0));
    }

    @Test
    void withoutAnArchiveWhenToldAndAClearErrorWithoutTheJar() throws Exception {
        Path launcher = install();

        assertThat(run(launcher, Map.of("GITOPS_PROMOTION_ARCHIVE", "off"), "--version")).startsWith("gitops-promotion ");
        assertThat(archives()).isEmpty();

        Files.delete(launcher.resolveSibling("gitops-promotion.jar"));
        Process missing = new ProcessBuilder(launcher.toString(), "--version").redirectErrorStream(true).start();
        String output = new String(missing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(missing.waitFor()).isEqualTo(2);
        assertThat(output).contains("no gitops-promotion.jar beside").contains("GITOPS_PROMOTION_JAR");
    }
}
