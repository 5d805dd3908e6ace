package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.deploy.CommitStatusReader;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentStore;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentTracker;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.pr.ProviderSettings;
import io.jenkins.plugins.gitopspromotion.pr.Providers;
import io.jenkins.plugins.gitopspromotion.pr.RetryPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Where the command line keeps a repository's deployment reports ({@code deployments/} beside the mirrors in the cache
 * folder: {@code serve} writes them, {@code status} and {@code wait} read what it received), and the tracker of its
 * cells' deployment from them and the Git host's commit statuses.
 */
final class DeploymentReports {

    private DeploymentReports() {
    }

    /** The folder of a repository's reports. */
    static Path folder(RepositoryOptions repository, RepositoryLocation location) {
        return DeploymentStore.folder(repository.cache().root().resolve("deployments"), location);
    }

    /** A tracker over reports read from {@code reports} and the commit statuses of the Git host the settings name, if any. */
    static DeploymentTracker tracker(DeploymentTracker.Reports reports, Optional<ProviderSettings> settings) {
        return new DeploymentTracker(reports, settings.map(s -> new CommitStatusReader(Providers.create(s, RetryPolicy.DEFAULT),
                Clock.systemUTC())), Clock.systemUTC());
    }
}
