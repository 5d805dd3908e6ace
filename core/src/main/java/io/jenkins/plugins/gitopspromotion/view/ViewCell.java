package io.jenkins.plugins.gitopspromotion.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.gitopspromotion.deploy.state.CellDeployment;
import io.jenkins.plugins.gitopspromotion.policy.HoldSummary;
import io.jenkins.plugins.gitopspromotion.pr.RequiredChecks;
import java.util.List;

/**
 * What one app has in one environment on the base branch, and what is pending for it.
 *
 * @param env the environment
 * @param app the app
 * @param tag the tag all its references agree on, or null
 * @param digest the digest all its references agree on, or null
 * @param references each reference found, as {@code file:line tag@digest}
 * @param error why the cell could not be read, or null
 * @param setBy the commit that set this version, or null when it lies before the history read
 * @param pending the version a promotion branch or pull request would bring, or null
 * @param deployment what the GitOps agents report of the version, or null when that is not tracked
 * @param hold the hold that keeps promotions out of the cell until released, or null
 */
@JsonPropertyOrder({"env", "app", "tag", "digest", "references", "error", "setBy", "pending", "deployment", "hold"})
public record ViewCell(String env, String app, String tag, String digest, List<String> references, String error,
        CommitInfo setBy, Pending pending, CellDeployment deployment, HoldSummary hold) {

    /** This cell with its deployment. */
    public ViewCell withDeployment(CellDeployment value) {
        return new ViewCell(env, app, tag, digest, references, error, setBy, pending, value, hold);
    }

    /** This cell with its hold. */
    public ViewCell withHold(HoldSummary value) {
        return new ViewCell(env, app, tag, digest, references, error, setBy, pending, deployment, value);
    }

    /**
     * A version proposed for a cell and not yet on the base branch.
     *
     * @param branch the promotion branch ({@code gitops-promotion/<env>/<app>})
     * @param tag the tag it would bring, or null
     * @param digest the digest it would bring, or null
     * @param label the version as people read it (tag, else short digest; several when its files disagree)
     * @param commit the branch's tip
     * @param pullRequest the open pull request of the branch, or null when there is none or no provider is set
     * @param checks the environment's required checks ({@code gates.checks}) on the branch's tip, each with its state,
     *     or null when it requires none, or without a pull request
     */
    @JsonPropertyOrder({"branch", "tag", "digest", "label", "commit", "pullRequest", "checks"})
    public record Pending(String branch, String tag, String digest, String label, CommitInfo commit,
            PullRequestLink pullRequest, List<RequiredChecks.Check> checks) {
    }

    /**
     * A pull request, as the page links it.
     *
     * @param url its web page
     * @param number the number people know it by
     */
    public record PullRequestLink(String url, long number) {
    }
}
