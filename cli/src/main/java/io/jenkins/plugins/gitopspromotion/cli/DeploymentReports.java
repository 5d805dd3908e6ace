package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.deploy.CommitStatusReader;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentStore;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentTracker;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.pr.PullRequestProvider;
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
    static Path folder(MirrorCache cache, RepositoryLocation location) {
        return DeploymentStore.folder(cache.root().resolve("deployments"), location);
    }

    /** A tracker over reports read from {@code reports} and the commit statuses of the Git host {@code provider} reaches, if any. */
    static DeploymentTracker tracker(DeploymentTracker.Reports reports, Optional<PullRequestProvider> provider) {
        return new DeploymentTracker(reports, provider.map(p -> new CommitStatusReader(p, Clock.systemUTC())), Clock.systemUTC());
    }
}
