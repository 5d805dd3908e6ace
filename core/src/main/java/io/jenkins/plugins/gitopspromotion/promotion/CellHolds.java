package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.policy.Hold;
import io.jenkins.plugins.gitopspromotion.policy.HoldFile;
import java.util.Optional;

/**
 * What holds mean for a promotion: the refusal of a promotion into a held cell, the hold a rollback places, and the
 * words of a release (commit message and pull request). Texts only; the engine reads and writes the file.
 */
final class CellHolds {

    private CellHolds() {
    }

    /**
     * Why a promotion into a held cell is refused, naming the hold (who, when, why) and both ways out; empty when
     * the cell is not held, or the request overrides the hold.
     */
    static Optional<String> refusal(HoldFile holds, String app, String env, boolean override) {
        return holds.of(app, env).filter(h -> !override).map(hold -> env + " is held for " + app + " (" + HoldFile.PATH + "): "
                + hold.describe() + "; release it with gitops-promotion release --env " + env + " --app " + app
                + ", or promote with --override-hold --reason TEXT in an emergency");
    }

    /** The branch a release is proposed on outside {@code commit} mode, beside the cell's promotion branch. */
    static String releaseBranch(String env, String app) {
        return PromotionEngine.BRANCH_PREFIX + env + "/_release-" + app;
    }

    /** {@code Release the hold on web in prod}. */
    static String releaseTitle(Hold hold) {
        return "Release the hold on " + hold.app() + " in " + hold.env();
    }

    /** The commit message of a release: what was held, why it is released, and the trailers. */
    static String releaseMessage(Hold hold, Optional<String> reason, Optional<String> releasedBy) {
        StringBuilder message = new StringBuilder(releaseTitle(hold)).append("\n\n")
                .append(hold.app()).append(" in ").append(hold.env()).append(" was ").append(hold.describe()).append(".\n");
        reason.ifPresent(r -> message.append("Released: ").append(r).append('\n'));
        message.append('\n');
        String trailers = PromotionMessage.withTrailer("", PromotionMessage.HOLD_RELEASED_TRAILER, hold.describe());
        return releasedBy.map(by -> PromotionMessage.withTrailer(message + trailers, PromotionMessage.PROMOTED_BY_TRAILER, by))
                .orElse(message + trailers);
    }

    /** The pull request body of a release. */
    static String releaseBody(Hold hold, Optional<String> reason) {
        return "Releases the hold on **" + hold.app() + "** in **" + hold.env() + "**: " + UntrustedText.code(hold.describe())
                + ".\n" + reason.map(r -> "\nReleased: " + UntrustedText.code(r) + "\n").orElse("")
                + "\nOnce merged, promotions into " + hold.env() + " take " + hold.app() + " again. Opened by gitops-promotion.\n";
    }

    /** What a rollback's pull request says of the hold it places. */
    static String holdNote(Hold hold) {
        return "\nMerging this also holds **" + hold.app() + "** in **" + hold.env() + "** (" + UntrustedText.code(HoldFile.PATH)
                + "): promotions into it are refused until the hold is released. Reason: " + UntrustedText.code(hold.reason())
                + "\n";
    }
}
