package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.gitopspromotion.promotion.AccessCredentials;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import java.util.Optional;

/**
 * Turns what a job names, a registered repository's id or a URL, into how to reach it, with the credentials the
 * build may use.
 */
final class RepositoryTargets {

    private RepositoryTargets() {
    }

    /**
     * @param repository a registered repository's id, or a URL
     * @param credentialsId credentials overriding the registered ones, or {@code null}
     * @throws AbortException if nothing is named, or the credentials cannot be found
     */
    static RepositoryAccess resolve(String repository, String credentialsId, Run<?, ?> run) throws AbortException {
        String name = Util.fixEmptyAndTrim(repository);
        if (name == null) {
            throw new AbortException(Messages.RepositoryTargets_Missing());
        }
        String override = Util.fixEmptyAndTrim(credentialsId);
        Optional<ConfigRepository> registered = GitOpsPromotionConfiguration.get().repository(name);
        if (registered.isEmpty()) {
            return new RepositoryAccess(name, null, JenkinsCredentials.lookup(override, run), null, null, null);
        }
        ConfigRepository config = registered.get();
        AccessCredentials credentials = JenkinsCredentials.lookup(override != null ? override : config.getCredentialsId(), run);
        return new RepositoryAccess(config.getUrl(), config.getBaseBranch(), credentials, config.getProvider(), config.getApiUrl(),
                config.getProject());
    }
}
