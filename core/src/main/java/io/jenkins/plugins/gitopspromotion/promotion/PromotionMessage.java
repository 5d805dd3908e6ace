package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.update.FileChange;
import io.jenkins.plugins.gitopspromotion.update.ImageUpdate;
import io.jenkins.plugins.gitopspromotion.update.ValueChange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The commit message of a promotion: a title saying what moves where, the changed values per file, and
 * Git trailers ({@code Promoted-Image}, {@code Promoted-Digest}, {@code Promoted-From}, {@code Build-Url}) from
 * which the history and the promotion view read promotions back, from Git alone.
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

    private PromotionMessage() {
    }

    /**
     * The message for a plan.
     *
     * @param from the environment the version was taken from, if any
     * @param buildUrl the URL of the build promoting, if any
     */
    public static String of(ChangePlan plan, Optional<String> from, Optional<String> buildUrl) {
        return of(plan, from, buildUrl, false);
    }

    /**
     * The message for a plan that is a promotion or, when {@code rollback}, a rollback.
     *
     * @param from the environment the version was taken from, if any
     * @param buildUrl the URL of the build promoting, if any
     */
    public static String of(ChangePlan plan, Optional<String> from, Optional<String> buildUrl, boolean rollback) {
        StringBuilder message = new StringBuilder(title(plan, rollback)).append("\n\n");
        message.append("Image: ").append(plan.update()).append('\n');
        for (FileChange file : plan.changedFiles()) {
            message.append('\n').append(file.path()).append(":\n");
            for (ValueChange change : file.changes()) {
                message.append("  ").append(change).append('\n');
            }
        }
        message.append('\n');
        trailers(plan.update(), from, buildUrl).forEach((k, v) -> message.append(k).append(": ").append(v).append('\n'));
        return message.toString();
    }

    /** {@code Promote web 1.4.2 → 1.5.0 to dev}. */
    public static String title(ChangePlan plan) {
        return title(plan, false);
    }

    /** {@code Promote web 1.4.2 → 1.5.0 to dev}, or {@code Roll back web 1.5.0 → 1.4.2 in dev}. */
    public static String title(ChangePlan plan, boolean rollback) {
        return (rollback ? "Roll back " : "Promote ") + plan.app().name() + " " + plan.labelBefore() + " → "
                + plan.update().label() + (rollback ? " in " : " to ") + plan.environment().name();
    }

    /** The trailers of a promotion, in the order they are written. */
    public static Map<String, String> trailers(ImageUpdate update, Optional<String> from, Optional<String> buildUrl) {
        Map<String, String> trailers = new LinkedHashMap<>();
        trailers.put(IMAGE_TRAILER, update.referenceNamed(update.image().name()).withoutDigest().toString());
        update.digest().ifPresent(d -> trailers.put(DIGEST_TRAILER, d.toString()));
        from.ifPresent(f -> trailers.put(FROM_TRAILER, f));
        buildUrl.ifPresent(u -> trailers.put(BUILD_URL_TRAILER, u));
        return trailers;
    }
}
