package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Repository;

/**
 * A bare config repository in a test's folder, seeded with {@link ConfigRepositoryFixture}, and the command line
 * run against it with its own mirror cache.
 */
final class LocalConfigRepository implements AutoCloseable {

    private final Path bare;
    private final Path cache;
    private final Repository repository;

    private LocalConfigRepository(Path bare, Path cache, Repository repository) {
        this.bare = bare;
        this.cache = cache;
        this.repository = repository;
    }

    /** Creates and seeds {@code <folder>/config.git}. */
    static LocalConfigRepository create(Path folder) throws IOException {
        Path bare = folder.resolve("config.git");
        Repository repository = BareRepos.create(bare);
        ConfigRepositoryFixture.seed(repository);
        return new LocalConfigRepository(bare, folder.resolve("cache"), repository);
    }

    /** The bare repository's folder. */
    Path path() {
        return bare;
    }

    /** The repository, to read what the command line did. */
    Repository repository() {
        return repository;
    }

    /**
     * Runs a command with {@code --repo} and {@code --cache-dir} given; commands that change an environment also
     * get {@code --boundary off}, since the test machine's own credentials must not decide the test.
     */
    CliRun run(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "--repo", bare.toString(), "--cache-dir", cache.toString()));
        if (command.equals("promote") || command.equals("rollback") || command.equals("release")) {
            all.addAll(List.of("--boundary", "off"));
        }
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Override
    public void close() {
        repository.close();
    }
}
