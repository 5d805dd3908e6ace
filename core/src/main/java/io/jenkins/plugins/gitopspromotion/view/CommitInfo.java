package io.jenkins.plugins.gitopspromotion.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionMessage;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A commit as the view shows it: who made it and when, its title, and the provenance its promotion trailers
 * ({@link PromotionMessage}) record.
 *
 * @param id the full commit id
 * @param author the author's name
 * @param time when it was authored, ISO-8601 UTC
 * @param title the first line of its message
 * @param buildUrl its {@code Build-Url} trailer, or null
 * @param sourceCommit its {@code Source-Commit} trailer, or null
 * @param sourceUrl its {@code Source-Url} trailer, or null
 * @param from its {@code Promoted-From} trailer, or null
 */
@JsonPropertyOrder({"id", "author", "time", "title", "buildUrl", "sourceCommit", "sourceUrl", "from"})
public record CommitInfo(String id, String author, String time, String title, String buildUrl, String sourceCommit,
        String sourceUrl, String from) {

    /** The parts of a parsed commit (its body must have been parsed, as a {@code RevWalk} does). */
    public static CommitInfo of(RevCommit commit) {
        return new CommitInfo(commit.name(), commit.getAuthorIdent().getName(),
                Instant.ofEpochSecond(commit.getAuthorIdent().getWhenAsInstant().getEpochSecond()).toString(),
                commit.getShortMessage(), trailer(commit, PromotionMessage.BUILD_URL_TRAILER),
                trailer(commit, PromotionMessage.SOURCE_COMMIT_TRAILER), trailer(commit, PromotionMessage.SOURCE_URL_TRAILER),
                trailer(commit, PromotionMessage.FROM_TRAILER));
    }

    private static String trailer(RevCommit commit, String key) {
        List<String> values = commit.getFooterLines(key);
        return values.isEmpty() ? null : values.get(values.size() - 1).strip();
    }
}
