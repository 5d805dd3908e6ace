package io.jenkins.plugins.gitopspromotion.pr;

import java.util.Objects;

/**
 * A pull request that was closed without being merged (declined on Bitbucket, abandoned on Azure DevOps), and the commit
 * its head branch was at: what tells whether a person turned down exactly what a promotion branch still proposes.
 *
 * @param pullRequest the pull request
 * @param headCommit the commit its head was at, as the provider gives it (Bitbucket Cloud abbreviates it to 12 hex
 *     digits), or empty when the provider does not say
 */
public record ClosedPullRequest(PullRequest pullRequest, String headCommit) {

    /** Checks the parts. */
    public ClosedPullRequest {
        Objects.requireNonNull(pullRequest, "pullRequest");
        Objects.requireNonNull(headCommit, "headCommit");
    }

    /** Whether its head was at this commit (40 hex digits), also when the provider gives the head abbreviated. */
    public boolean wasAt(String commit) {
        return headCommit.length() >= 7 && commit.startsWith(headCommit);
    }
}
