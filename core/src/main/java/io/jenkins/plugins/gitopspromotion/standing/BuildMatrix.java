package io.jenkins.plugins.gitopspromotion.standing;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.view.CommitInfo;
import io.jenkins.plugins.gitopspromotion.view.HistoryEntry;
import io.jenkins.plugins.gitopspromotion.view.PromotionView;
import io.jenkins.plugins.gitopspromotion.view.ViewCell;
import io.jenkins.plugins.gitopspromotion.view.ViewState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds × environments, per app: whether each build's version runs in each environment now, ran there before, or
 * is pending there, with the commit that set it or the pull request that proposes it. Promoted Builds' "stars", read
 * from Git instead of from the CI server's own records, so a promotion made elsewhere (the command line, the view,
 * a merge by hand) counts, and a rollback takes the star away.
 *
 * @param environments the columns, in promotion order
 * @param apps one table per app that uses one of the builds' images
 */
public record BuildMatrix(List<String> environments, List<AppMatrix> apps) {

    /** Copies the lists. */
    public BuildMatrix {
        environments = List.copyOf(environments);
        apps = List.copyOf(apps);
    }

    /**
     * One app's table.
     *
     * @param app the app
     * @param rows one per build whose image the app uses, in the order the builds were given
     */
    public record AppMatrix(String app, List<Row> rows) {
        /** Copies the list. */
        public AppMatrix {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One build's version of an app.
     *
     * @param build the build's place in the list given
     * @param marks one per environment, in promotion order
     */
    public record Row(int build, List<Mark> marks) {
        /** Copies the list. */
        public Row {
            marks = List.copyOf(marks);
        }
    }

    /** Where a build's version is, or was, in an environment. */
    public enum Place {
        /** The environment runs it. */
        NOW,
        /** It ran there, and has been replaced. */
        WAS,
        /** A promotion branch (or its pull request) proposes it. */
        PENDING,
        /** None of these, within the history read ({@link PromotionView#HISTORY_ENTRIES} versions per cell). */
        NEVER
    }

    /**
     * One cell.
     *
     * @param place where the version is
     * @param setBy the commit that set it ({@code NOW}, {@code WAS}; null when it lies before the history read)
     * @param pending the proposal ({@code PENDING}), with its pull request when one is known
     */
    public record Mark(Place place, CommitInfo setBy, ViewCell.Pending pending) {
        static final Mark NEVER = new Mark(Place.NEVER, null, null);
    }

    /**
     * The matrix of {@code builds} in the repository a view reads: its current state (kept warm by the view) and one
     * history read per app.
     *
     * @param builds each build's version, newest first as pages list them
     * @throws IOException if the repository cannot be reached
     */
    public static BuildMatrix of(PromotionView view, List<BuiltVersion> builds) throws IOException {
        ViewState state = view.status();
        PromotionConfig config = view.config();
        List<AppMatrix> apps = new ArrayList<>();
        for (App app : config.apps()) {
            List<Integer> using = new ArrayList<>();
            for (int i = 0; i < builds.size(); i++) {
                if (VersionStanding.usersOf(config, builds.get(i)).contains(app)) {
                    using.add(i);
                }
            }
            if (using.isEmpty()) {
                continue;
            }
            List<ViewCell> cells = VersionStanding.row(state, app.name()).cells();
            Map<String, List<HistoryEntry>> histories = view.histories(app.name());
            List<Row> rows = new ArrayList<>();
            for (int build : using) {
                rows.add(new Row(build, cells.stream().map(cell -> mark(builds.get(build), cell, histories.getOrDefault(cell.env(), List.of()))).toList()));
            }
            apps.add(new AppMatrix(app.name(), rows));
        }
        return new BuildMatrix(state.environments(), apps);
    }

    private static Mark mark(BuiltVersion version, ViewCell cell, List<HistoryEntry> history) {
        if (version.is(cell.tag(), cell.digest())) {
            return new Mark(Place.NOW, cell.setBy(), null);
        }
        if (version.isProposedBy(cell.pending())) {
            return new Mark(Place.PENDING, null, cell.pending());
        }
        return history.stream().filter(entry -> !entry.current() && version.is(entry.tag(), entry.digest())).findFirst()
                .map(entry -> new Mark(Place.WAS, entry.setBy(), null)).orElse(Mark.NEVER);
    }
}
