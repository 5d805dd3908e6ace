package io.jenkins.plugins.gitopspromotion.promotion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * What the clean-up did with one moot promotion branch, as {@code prune --json} prints it.
 *
 * @param branch the branch
 * @param env its environment
 * @param apps the apps it proposed versions of
 * @param action what was done
 * @param reason why the branch is moot, naming the commit of the base branch that made it so
 * @param commit that commit
 * @param pullRequest the pull request closed (or that would be, or that was left open), or null
 * @param note what else there is to know (why it was kept, what failed), or null
 */
@JsonPropertyOrder({"branch", "env", "apps", "action", "reason", "commit", "pullRequest", "note"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PrunedBranch(String branch, String env, List<String> apps, Action action, String reason, String commit,
        PromotionResult.PullRequestRef pullRequest, String note) {

    /** What was done. */
    public enum Action {
        /** Its pull request was closed with a comment, and the branch deleted. */
        CLOSED,
        /** The branch was deleted; it had no open pull request. */
        DELETED,
        /** Left as it is; {@code note} says why. */
        KEPT,
        /** A dry run: it would be cleaned up. */
        PLANNED,
        /** The provider or the server refused; {@code note} says what. The next clean-up tries again. */
        FAILED;

        /** The lower-case name used in JSON. */
        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Copies the list. */
    public PrunedBranch {
        apps = List.copyOf(apps);
    }

    /** One line for people: {@code closed #12 gitops-promotion/staging/web: main has web 1.2.0 since …}. */
    public String describe() {
        return action.json() + (pullRequest == null ? " " : " #" + pullRequest.number() + " ") + branch + ": " + reason
                + (note == null ? "" : " (" + note + ")");
    }
}
