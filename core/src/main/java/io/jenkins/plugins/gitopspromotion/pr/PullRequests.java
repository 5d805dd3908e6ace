package io.jenkins.plugins.gitopspromotion.pr;

import java.util.Optional;

/**
 * Exactly one open pull request per promotion branch: an open one is updated in place (title, body), else a
 * new one is opened; then labels, reviewers and auto-merge are applied, which are all idempotent.
 */
public final class PullRequests {

    private PullRequests() {
    }

    /**
     * Opens or updates the pull request for a draft's branch.
     *
     * @throws ApiException if the provider refuses; the branch stays pushed, and the next promotion completes it
     */
    public static PullRequest ensure(PullRequestProvider provider, PullRequestDraft draft) throws ApiException {
        Optional<PullRequest> existing = provider.findOpen(draft.head(), draft.base());
        PullRequest pullRequest;
        if (existing.isPresent()) {
            pullRequest = provider.update(existing.get(), draft);
        } else {
            try {
                pullRequest = provider.create(draft);
            } catch (ApiException e) {
                // The request may have created it before failing (a 5xx, a lost answer): look before reporting.
                pullRequest = provider.findOpen(draft.head(), draft.base()).orElseThrow(() -> e);
            }
        }
        if (!draft.labels().isEmpty()) {
            provider.addLabels(pullRequest, draft.labels());
        }
        if (!draft.reviewers().isEmpty()) {
            provider.requestReviewers(pullRequest, draft.reviewers());
        }
        if (draft.autoMerge()) {
            provider.enableAutoMerge(pullRequest, draft);
        }
        return pullRequest;
    }
}
