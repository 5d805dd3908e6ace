package io.jenkins.plugins.gitopspromotion.deploy;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.git.History;
import io.jenkins.plugins.gitopspromotion.promotion.ChangePlanner;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionMessage;
import io.jenkins.plugins.gitopspromotion.promotion.VersionHistory;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * What Git says of a cell for the deployment state and the delivery figures: its current version and the commit that
 * set it, and the promotions (rollbacks among them) that set a version of it, read from the history of its files.
 *
 * @param version the current version
 * @param promotions the commits that set a version, oldest first, as far back as the history read
 */
record CellHistory(CellVersion version, List<Promotion> promotions) {

    /**
     * A commit that set a version of a cell.
     *
     * @param version the version it set
     * @param commit its id
     * @param at when it was made (its committer time: when it reached the branch)
     * @param sourceTime its {@code Source-Time} trailer, or null
     * @param rollback whether it rolled back
     */
    record Promotion(ImageVersion version, String commit, Instant at, Instant sourceTime, boolean rollback) {
    }

    /**
     * Reads a cell's history from the base branch's tip, fetching as much of it as it reads into a shallow mirror;
     * empty when the cell holds no version there.
     */
    static Optional<CellHistory> read(Repository repository, History history, RevCommit tip, PromotionConfig config, App app,
            Environment environment, ChangePlanner planner) throws IOException {
        List<VersionHistory.Entry> entries = VersionHistory.of(repository, history, tip, config, app, environment, planner,
                VersionHistory.MAX_COMMITS);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        List<Promotion> promotions = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            RevCommit setBy = entries.get(i).setBy();
            if (setBy.getParentCount() > 0) { // the repository's first commit wrote the files: it promoted nothing
                promotions.add(new Promotion(entries.get(i).version(), setBy.name(), setBy.getCommitterIdent().getWhenAsInstant(),
                        sourceTime(setBy), setBy.getShortMessage().startsWith(PromotionMessage.ROLLBACK_TITLE)));
            }
        }
        ImageVersion current = entries.get(0).version();
        RevCommit setBy = entries.get(0).setBy();
        return Optional.of(new CellHistory(new CellVersion(new CellRef(environment.name(), app.name()), current.tag(),
                current.digest().map(Object::toString), setBy.name(), setBy.getCommitterIdent().getWhenAsInstant(), false),
                promotions));
    }

    private static Instant sourceTime(RevCommit commit) {
        List<String> values = commit.getFooterLines(PromotionMessage.SOURCE_TIME_TRAILER);
        if (values.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(values.get(values.size() - 1).strip());
        } catch (DateTimeParseException e) {
            return null; // written by hand, wrongly: the promotion commit's own time stands in
        }
    }
}
