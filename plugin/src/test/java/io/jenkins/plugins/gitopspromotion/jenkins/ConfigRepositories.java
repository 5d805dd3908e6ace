package io.jenkins.plugins.gitopspromotion.jenkins;

import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;

/** A config repository for a test: the engine's fixture (dev/staging/prod; web, api, worker) in a bare repository. */
final class ConfigRepositories {

    private ConfigRepositories() {
    }

    /** Creates and seeds {@code dir}; the caller closes the repository. */
    static Repository create(Path dir) throws IOException {
        Repository bare = BareRepos.create(dir);
        ConfigRepositoryFixture.seed(bare);
        return bare;
    }

    /** Its {@code file://} URL. */
    static String url(Path dir) {
        return dir.toUri().toString();
    }
}
