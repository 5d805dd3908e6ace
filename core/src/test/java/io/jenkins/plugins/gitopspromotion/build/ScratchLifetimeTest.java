package io.jenkins.plugins.gitopspromotion.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build stopped before it could close its private folder (SIGTERM, as a Jenkins abort or a CI cancel sends, or a
 * SIGKILL) must not leave the registry login on disk: a real child process makes the folder and is stopped.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScratchLifetimeTest {

    @TempDir
    Path parent;

    /** A child JVM holding a build folder with a registry login in {@link #parent}, and that folder. */
    private record Holder(Process process, Path folder) {
    }

    private Holder holder() throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ScratchHolder.class.getName(), parent.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(line).as("the folder the child made").isNotNull();
        Path folder = Path.of(line);
        assertThat(folder.resolve("registry-auth/config.json")).isRegularFile();
        return new Holder(process, folder);
    }

    @Test
    void aBuildStoppedWithSigtermDeletesItsFolderOnTheWayOut() throws Exception {
        Holder holder = holder();

        holder.process().destroy(); // SIGTERM
        assertThat(holder.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(holder.folder()).doesNotExist();
    }

    @Test
    void aFolderLeftByAKilledBuildIsDeletedByTheNextBuildButALiveOnesIsNot() throws Exception {
        Holder killed = holder();
        Holder alive = holder();
        try {
            killed.process().destroyForcibly(); // SIGKILL: no hook runs
            assertThat(killed.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(killed.folder()).as("what a SIGKILL leaves").exists();
            Path foreign = Files.createDirectory(parent.resolve("image-build-unmarked"));

            try (ScratchFolder next = new LocalScratchSpace(parent).create()) {
                assertThat(killed.folder()).doesNotExist();
                assertThat(alive.folder().resolve("registry-auth/config.json")).as("a running build's").isRegularFile();
                assertThat(foreign).as("a folder naming no owner").exists();
                assertThat(next.path()).exists();
            }
        } finally {
            alive.process().destroy();
            alive.process().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
