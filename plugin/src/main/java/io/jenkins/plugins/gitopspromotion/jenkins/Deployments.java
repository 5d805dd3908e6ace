package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import io.jenkins.plugins.gitopspromotion.deploy.CommitStatusReader;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentStore;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentTracker;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jenkins.model.Jenkins;

/**
 * The deployment reports the controller keeps, one store per config repository under
 * {@code JENKINS_HOME/gitops-promotion/deployments} (they survive restarts), and the waits that a new report, or a Git
 * host's pull-request event, wakes at once: the controller is the one process that writes them.
 */
final class Deployments {

    private static final Map<Path, DeploymentStore> STORES = new ConcurrentHashMap<>();
    private static final Set<Wakeable> WAITS = ConcurrentHashMap.newKeySet();

    /** A wait for a repository's deployments. */
    interface Wakeable {
        /** The repository it waits on. */
        RepositoryLocation repository();

        /** Looks again now: something about the repository was reported. */
        void wake();
    }

    private Deployments() {
    }

    /** The folder under which the controller keeps reports. */
    static Path root() {
        return Path.of(Jenkins.get().getRootDir().getPath(), "gitops-promotion", "deployments");
    }

    /**
     * The store of a repository's reports, opened on first use; each report it records wakes the waits on that
     * repository.
     *
     * @throws AbortException if it cannot be opened (its folder cannot be made, or it is damaged)
     */
    static DeploymentStore store(RepositoryLocation repository) throws AbortException {
        Path folder = DeploymentStore.folder(root(), repository);
        try {
            return STORES.computeIfAbsent(folder, f -> {
                try {
                    DeploymentStore store = DeploymentStore.open(f);
                    store.onAdded(report -> wake(repository));
                    return store;
                } catch (IOException e) {
                    throw new StoreUnavailable(e);
                }
            });
        } catch (StoreUnavailable e) {
            throw new AbortException(Messages.Deployments_StoreUnavailable(repository, e.getCause().getMessage()));
        }
    }

    /**
     * The deployment state of a repository's cells, from the reports received and, when a provider is configured, the
     * commit statuses GitOps agents post on it, read through {@code engine}'s network settings (Jenkins' proxy).
     */
    static DeploymentTracker tracker(RepositoryAccess access, PromotionEngine engine) throws AbortException {
        DeploymentStore store = store(access.location());
        return new DeploymentTracker(store::reports, access.pullRequests().map(s -> new CommitStatusReader(engine.provider(s),
                Clock.systemUTC())), Clock.systemUTC());
    }

    /** Starts waking {@code wait} for reports about its repository. */
    static void register(Wakeable wait) {
        WAITS.add(wait);
    }

    /** Stops waking {@code wait}. */
    static void unregister(Wakeable wait) {
        WAITS.remove(wait);
    }

    /** Wakes every wait on {@code repository}. */
    static void wake(RepositoryLocation repository) {
        WAITS.stream().filter(w -> w.repository().equals(repository)).forEach(Wakeable::wake);
    }

    /** Carries an opening failure out of {@code computeIfAbsent}. */
    private static final class StoreUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreUnavailable(IOException cause) {
            super(cause);
        }
    }
}
