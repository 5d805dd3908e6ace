package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.update.FileChange;
import io.jenkins.plugins.gitopspromotion.update.ImageUpdate;
import io.jenkins.plugins.gitopspromotion.update.ValueChange;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The commit message of a promotion: a title saying what moves where, the changed values per file, and
 * Git trailers ({@code Promoted-Image}, {@code Promoted-Digest}, {@code Promoted-From}, {@code Build-Url},
 * {@code Source-Commit}, {@code Source-Url}, {@code Source-Time}) from
 * which the history and the promotion view read promotions back, from Git alone. Values read from the repository's
 * files are shown through {@link UntrustedText#line}: an old tag holding a line break cannot add a line, or a trailer.
 */
public final class PromotionMessage {

    /** Trailer naming the image reference promoted, with its tag when it has one. */
    public static final String IMAGE_TRAILER = "Promoted-Image";
    /** Trailer naming the digest promoted, when known. */
    public static final String DIGEST_TRAILER = "Promoted-Digest";
    /** Trailer naming the environment the version was taken from (build once, deploy many). */
    public static final String FROM_TRAILER = "Promoted-From";
    /** Trailer linking the build that promoted. */
    public static final String BUILD_URL_TRAILER = "Build-Url";
    /** Trailer naming the application source commit the image was built from. */
    public static final String SOURCE_COMMIT_TRAILER = "Source-Commit";
    /** Trailer linking the source commit (or the source). */
    public static final String SOURCE_URL_TRAILER = "Source-Url";
    /** Trailer saying when the source commit was made (ISO-8601 UTC): where the lead time of a change starts. */
    public static final String SOURCE_TIME_TRAILER = "Source-Time";
    /** Trailer naming who asked for the promotion, when a person did. */
    public static final String PROMOTED_BY_TRAILER = "Promoted-By";

    /** Trailer giving the reason of the hold a rollback places on its cell. */
    public static final String HOLD_TRAILER = "Hold-Reason";
    /** Trailer giving why a promotion went into a held cell all the same. */
    public static final String HOLD_OVERRIDDEN_TRAILER = "Hold-Overridden";
    /** Trailer giving why a promotion went in during a freeze window all the same. */
    public static final String FREEZE_OVERRIDDEN_TRAILER = "Freeze-Overridden";
    /** Trailer naming the hold a release removes. */
    public static final String HOLD_RELEASED_TRAILER = "Hold-Released";

    /** How a rollback's title starts: what tells a rollback from a promotion in the history. */
    public static final String ROLLBACK_TITLE = "Roll back ";

    private PromotionMessage() {
    }

    /** The message for a promotion (not a rollback) with what is known of its provenance. */
    public static String of(ChangePlan plan, Provenance provenance) {
        return of(plan, provenance, false);
    }

    /** The message for a plan that is a promotion or, when {@code rollback}, a rollback. */
    public static String of(ChangePlan plan, Provenance provenance, boolean rollback) {
        StringBuilder message = new StringBuilder(title(plan, rollback)).append("\n\n");
        message.append("Image: ").append(plan.update()).append('\n');
        for (FileChange file : plan.changedFiles()) {
            message.append('\n').append(UntrustedText.line(file.path())).append(":\n");
            for (ValueChange change : file.changes()) {
                message.append("  ").append(change.render(UntrustedText::line)).append('\n');
            }
        }
        message.append('\n');
        trailers(plan.update(), provenance).forEach((k, v) -> message.append(k).append(": ").append(v).append('\n'));
        return message.toString();
    }

    /** {@code Promote web 1.4.2 → 1.5.0 to dev}. */
    public static String title(ChangePlan plan) {
        return title(plan, false);
    }

    /**
     * {@code Promote web 1.4.2 → 1.5.0 to dev}, or {@code Roll back web 1.5.0 → 1.4.2 in dev}; a rename shows the new
     * name, {@code Promote web 1.4.2 → registry.example.com/web:1.5.0 to dev}.
     */
    public static String title(ChangePlan plan, boolean rollback) {
        return (rollback ? ROLLBACK_TITLE : "Promote ") + plan.app().name() + " " + plan.labelBefore() + " → "
                + plan.labelAfter() + (rollback ? " in " : " to ") + plan.environment().name();
    }

    /** The trailers of a promotion, in the order they are written. */
    public static Map<String, String> trailers(ImageUpdate update, Provenance provenance) {
        Map<String, String> trailers = new LinkedHashMap<>();
        trailers.put(IMAGE_TRAILER, update.referenceNamed(update.targetName().name()).withoutDigest().toString());
        update.digest().ifPresent(d -> trailers.put(DIGEST_TRAILER, d.toString()));
        provenance.from().ifPresent(f -> trailers.put(FROM_TRAILER, f));
        provenance.buildUrl().ifPresent(u -> trailers.put(BUILD_URL_TRAILER, u));
        provenance.sourceCommit().ifPresent(c -> trailers.put(SOURCE_COMMIT_TRAILER, c));
        provenance.sourceUrl().ifPresent(u -> trailers.put(SOURCE_URL_TRAILER, u));
        provenance.sourceTime().ifPresent(t -> trailers.put(SOURCE_TIME_TRAILER, t.toString()));
        provenance.promotedBy().ifPresent(p -> trailers.put(PROMOTED_BY_TRAILER, p));
        return trailers;
    }

    /** A message with one more trailer, after the ones it ends with. */
    public static String withTrailer(String message, String key, String value) {
        return message + key + ": " + value + "\n";
    }
}
