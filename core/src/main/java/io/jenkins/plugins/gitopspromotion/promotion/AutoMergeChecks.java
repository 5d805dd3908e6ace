package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.pr.ApiException;
import io.jenkins.plugins.gitopspromotion.pr.PullRequestProvider;
import io.jenkins.plugins.gitopspromotion.pr.RequiredChecks;
import java.util.List;

/**
 * The {@code checks} gate of an environment: a pull request's auto-merge is enabled only once every required check has
 * succeeded on its head. Until then the pull request is opened or updated without it, and the promotion says what it
 * waits for; the next promotion of the same cell (which finds the branch already proposing the version) enables it.
 */
final class AutoMergeChecks {

    private AutoMergeChecks() {
    }

    /**
     * Whether auto-merge may be enabled on a pull request whose head is {@code head}: the environment asks for it, and
     * every required check succeeded there (or none is required).
     *
     * @param warnings receives what auto-merge waits for, or why the checks could not be read
     */
    static boolean allow(PullRequestProvider provider, Environment environment, String branch, String head, List<String> warnings) {
        List<String> required = environment.gates().checks();
        if (!environment.autoMerge() || required.isEmpty()) {
            return environment.autoMerge();
        }
        RequiredChecks checks;
        try {
            checks = RequiredChecks.of(required, provider.commitStatuses(head));
        } catch (ApiException e) {
            warnings.add("auto-merge of the pull request from " + branch + " is not enabled: the checks of " + head.substring(0, 10)
                    + " could not be read: " + e.getMessage());
            return false;
        }
        if (!checks.passed()) {
            warnings.add("auto-merge of the pull request from " + branch + " waits for the required checks of "
                    + environment.name() + " (gates.checks): " + checks.describe() + "; promote again once they have passed");
        }
        return checks.passed();
    }
}
