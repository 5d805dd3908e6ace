package io.jenkins.plugins.gitopspromotion.pr;

import java.util.List;
import java.util.Optional;

/**
 * The few operations on one repository of one Git host that a promotion needs; {@link PullRequests#ensure}
 * combines them into "exactly one open pull request per branch". Each method is one documented REST call
 * (or a few, where the provider needs them) and throws {@link ApiException} with a message a user can act on.
 */
public interface PullRequestProvider {

    /** The provider's kind. */
    ProviderKind kind();

    /** The open pull request from {@code head} into {@code base}, if there is one. */
    Optional<PullRequest> findOpen(String head, String base) throws ApiException;

    /** Opens a pull request with the draft's title and body (labels, reviewers and auto-merge come after). */
    PullRequest create(PullRequestDraft draft) throws ApiException;

    /** Sets an open pull request's title and body to the draft's. */
    PullRequest update(PullRequest pullRequest, PullRequestDraft draft) throws ApiException;

    /** Adds labels, keeping any already there. */
    void addLabels(PullRequest pullRequest, List<String> labels) throws ApiException;

    /** Asks reviewers for review, keeping any already asked. */
    void requestReviewers(PullRequest pullRequest, List<String> reviewers) throws ApiException;

    /**
     * The pull requests from {@code head} into {@code base} that were closed without being merged (declined, abandoned),
     * newest first, as far as the provider's first page of answers goes.
     *
     * @throws ApiException if the provider cannot be asked
     */
    List<ClosedPullRequest> findClosed(String head, String base) throws ApiException;

    /**
     * A pull request's description as the provider keeps it (the Markdown written, not its rendering): what tells a
     * pull request this tool opened from one a person opened from the same branch.
     *
     * @throws ApiException if the provider cannot be asked
     */
    String description(PullRequest pullRequest) throws ApiException;

    /**
     * Adds a comment to a pull request (Markdown).
     *
     * @throws ApiException if the provider refuses
     */
    void comment(PullRequest pullRequest, String text) throws ApiException;

    /**
     * Closes an open pull request without merging it (declines it on Bitbucket, abandons it on Azure DevOps); its branch
     * stays.
     *
     * @throws ApiException if the provider refuses
     */
    void close(PullRequest pullRequest) throws ApiException;

    /**
     * The statuses posted on a commit of the repository, the newest of each context (as far as the provider's first page
     * of answers goes): what GitOps agents post on the config repository's commits.
     *
     * @param sha the commit, 40 hex digits
     * @throws ApiException if the provider cannot be asked
     */
    List<CommitStatus> commitStatuses(String sha) throws ApiException;

    /**
     * Whether the provider renders an HTML comment ({@code <!-- ... -->}) in a description as nothing. GitHub,
     * GitLab, Gitea and Azure DevOps do; Bitbucket (Cloud and Data Center) escapes HTML and shows it as text.
     */
    default boolean hidesHtmlComments() {
        return true;
    }

    /** Whether the provider can merge a pull request by itself once its checks and reviews pass. */
    default boolean supportsAutoMerge() {
        return false;
    }

    /**
     * Sets the pull request to merge by itself once its checks and reviews pass.
     *
     * @throws ApiException always, where the provider has no such feature
     */
    default void enableAutoMerge(PullRequest pullRequest, PullRequestDraft draft) throws ApiException {
        throw new ApiException(0, kind().optionName() + " cannot merge a pull request by itself; set autoMerge: false"
                + " for this environment");
    }
}
