package io.jenkins.plugins.gitopspromotion.testing;

import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;

/**
 * The {@link ConfigRepositoryFixture} in a bare repository of its own, promoted through by path, with an engine
 * keeping its mirrors in the same folder and seeing no cluster credentials: engine tests without a Git server.
 *
 * @param remote the bare repository, to read what promotions did
 * @param location where the engine finds it
 * @param engine the engine
 */
public record LocalFixture(Repository remote, RepositoryLocation location, PromotionEngine engine) implements AutoCloseable {

    /** Creates and seeds {@code <folder>/config.git}; mirrors go to {@code <folder>/cache}. */
    public static LocalFixture create(Path folder) throws IOException {
        Repository remote = BareRepos.create(folder.resolve("config.git"));
        ConfigRepositoryFixture.seed(remote);
        return new LocalFixture(remote, RepositoryLocation.parse(folder.resolve("config.git").toString()),
                TestEngines.cleanBoundary(new MirrorCache(folder.resolve("cache"), 30)));
    }

    @Override
    public void close() {
        remote.close();
    }
}
