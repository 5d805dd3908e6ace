package io.jenkins.plugins.gitopspromotion.pr;

import java.util.List;
import java.util.Objects;

/**
 * What a promotion's pull request should be.
 *
 * @param head the promotion branch, e.g. {@code gitops-promotion/staging/web}
 * @param base the branch it merges into
 * @param title its title
 * @param body its description (Markdown)
 * @param labels labels to put on it
 * @param reviewers reviewers to ask (a user name, or {@code org/team} for a team where the provider has teams)
 * @param autoMerge whether it should merge by itself once its checks and reviews pass
 */
public record PullRequestDraft(String head, String base, String title, String body, List<String> labels,
        List<String> reviewers, boolean autoMerge) {

    /** Checks and copies the parts. */
    public PullRequestDraft {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        labels = List.copyOf(labels);
        reviewers = List.copyOf(reviewers);
    }
}
