package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged command with its mirror cache on a disk that fills up: a tmpfs of a few KiB, mounted in a mount
 * namespace of its own ({@code unshare}), so that the disk runs full at each stage of a promotion in turn (creating the
 * mirror, fetching, writing the commit). Each time: one line naming the cache folder, no stack trace, nothing pushed.
 */
class DiskFullIT {

    private static final Path JAR = Path.of(System.getProperty("gitops.promotion.jar", "target/gitops-promotion.jar"));

    @TempDir
    Path temp;

    /** How to enter a mount namespace of one's own: as root directly, else as root of a new user namespace. */
    private static Optional<List<String>> unshare() throws IOException, InterruptedException {
        for (List<String> command : List.of(List.of("unshare", "-m"), List.of("unshare", "-r", "-m"))) {
            List<String> probe = new ArrayList<>(command);
            probe.addAll(List.of("sh", "-c", "mount -t tmpfs -o size=4k tmpfs /mnt"));
            try {
                Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return Optional.of(command);
                }
            } catch (IOException e) {
                return Optional.empty(); // no unshare at all
            }
        }
        return Optional.empty();
    }

    @ParameterizedTest(name = "a disk of {0}")
    @ValueSource(strings = {"4k", "12k", "48k"})
    void aFullDiskIsOneLineNamingTheCacheFolderAndNothingIsPushed(String size) throws Exception {
        Optional<List<String>> unshare = unshare();
        RealParts.require(unshare.isPresent(), "unshare and mount (a private tmpfs for the cache)");
        assertThat(JAR).as("the shaded jar; build with mvn package").exists();
        Path bare = temp.resolve("config.git");
        Path disk = Files.createDirectories(temp.resolve("disk"));
        try (Repository remote = BareRepos.create(bare)) {
            ConfigRepositoryFixture.seed(remote);
            ObjectId before = BareRepos.head(remote, "main");
            List<String> command = new ArrayList<>(unshare.get());
            command.addAll(List.of("sh", "-c", "mount -t tmpfs -o size=" + size + " tmpfs \"$0\" && exec \"$@\"", disk.toString(),
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toAbsolutePath().toString(),
                    "promote", "--repo", bare.toString(), "--cache-dir", disk.resolve("cache").toString(), "--env", "dev",
                    "--app", "web", "--tag", "2.0.0", "--boundary", "off"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(output).isEqualTo(GitOpsPromotionCli.FAILED);
            assertThat(output.lines()).as(output).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("gitops-promotion: ")
                    .contains("(the mirror cache " + disk.resolve("cache") + " is on a disk that is full: free space there,"
                            + " or use another cache folder)"));
            assertThat(BareRepos.head(remote, "main")).isEqualTo(before);
            assertThat(remote.getRefDatabase().getRefsByPrefix("refs/heads/")).hasSize(1);
        }
    }
}
