package io.jenkins.plugins.gitopspromotion.view;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.git.GitTree;
import io.jenkins.plugins.gitopspromotion.git.History;
import io.jenkins.plugins.gitopspromotion.guard.DriftCheck;
import io.jenkins.plugins.gitopspromotion.guard.Finding;
import io.jenkins.plugins.gitopspromotion.promotion.ChangePlanner;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The matrix of the base branch as last read, kept between refreshes: every cell's value, the commit that set
 * it and the versions it had in the history read, and every app's drift. A refresh diffs the old tip's tree with
 * the new one and re-reads only the cells whose folders changed, and the drift of their apps; the commits in
 * between tell which commit set a changed cell. A changed config, or a base branch that no longer contains the
 * old tip, rebuilds everything.
 */
final class MatrixState {

    /** One cell as remembered. */
    private record CellRecord(CellValue value, CommitInfo setBy, Set<VersionId> seen) {
    }

    private final ChangePlanner planner;
    private final DriftCheck drift;
    private final int historyWindow;

    private PromotionConfig config;
    private CellIndex index;
    private ObjectId tip;
    private final Map<CellKey, CellRecord> cells = new HashMap<>();
    private final Map<String, List<String>> driftByApp = new HashMap<>();
    private final Map<String, List<String>> notesByApp = new HashMap<>();
    private ViewState.Refresh lastRefresh;

    /**
     * @param historyWindow how many commits of the base branch a full build reads, to find which commit set each
     *     cell and which versions each environment had
     */
    MatrixState(YamlLimits limits, int historyWindow) {
        this.planner = new ChangePlanner(limits);
        this.drift = new DriftCheck(limits);
        this.historyWindow = historyWindow;
    }

    /**
     * Brings the state to {@code newTip}, incrementally when it can.
     *
     * @param history deepened before a full build, which reads the history window
     */
    void update(Repository repository, History history, RevCommit newTip) throws IOException {
        if (tip != null && tip.equals(newTip)) {
            lastRefresh = new ViewState.Refresh(false, 0, 0);
            return;
        }
        try {
            if (tip == null || !incremental(repository, newTip)) {
                // The window, and the parent of its oldest commit (which tells whether that one set a cell).
                history.reach(newTip, (int) Math.min(Integer.MAX_VALUE, historyWindow + 1L));
                build(repository, newTip);
            }
        } catch (IOException | RuntimeException e) {
            tip = null; // half-updated: the next call builds from scratch rather than trust it
            throw e;
        }
        tip = newTip.copy();
    }

    private void build(Repository repository, RevCommit newTip) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            build(repository, walk, walk.parseCommit(newTip));
        }
    }

    private void build(Repository repository, RevWalk walk, RevCommit target) throws IOException {
        GitTree tree = new GitTree(repository, target);
        PromotionConfig loaded = ConfigLoader.load(tree);
        config = loaded;
        index = new CellIndex(loaded);
        cells.clear();
        driftByApp.clear();
        notesByApp.clear();
        ChangeScan scan = ChangeScan.of(walk, target, null, historyWindow, index);
        int read = 0;
        for (App app : config.apps()) {
            for (Environment environment : config.environments()) {
                CellKey key = new CellKey(app.name(), environment.name());
                CellValue value = CellValue.read(planner, tree, config, app, environment);
                cells.put(key, settle(repository, walk, key, value, scan.of(key), null));
                read++;
            }
            checkDrift(tree, app);
        }
        lastRefresh = new ViewState.Refresh(true, scan.commitsRead(), read);
    }

    /** Re-reads what changed since the old tip; false when only a full build will do. */
    private boolean incremental(Repository repository, RevCommit newTip) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            return incremental(repository, walk, walk.parseCommit(newTip));
        }
    }

    private boolean incremental(Repository repository, RevWalk walk, RevCommit target) throws IOException {
        RevCommit old = walk.parseCommit(tip);
        if (!walk.isMergedInto(old, target)) {
            return false; // the base branch was rewritten
        }
        Set<String> changed = ChangeScan.changedPaths(walk.getObjectReader(), old.getTree(), target.getTree());
        Set<CellKey> affected = new LinkedHashSet<>();
        for (String path : changed) {
            if (path.equals(ConfigLoader.CONFIG_PATH) || path.startsWith(".gitops/")) {
                return false;
            }
            List<CellKey> of = index.cellsOf(path);
            if (of.isEmpty() && PromotionConfig.DISCOVERED.equals(config.source())) {
                return false; // a new file may change what discovery finds
            }
            affected.addAll(of);
        }
        GitTree tree = new GitTree(repository, target);
        ChangeScan scan = ChangeScan.of(walk, target, old, Integer.MAX_VALUE, index);
        Set<String> apps = new LinkedHashSet<>();
        for (CellKey key : affected) {
            CellValue value = CellValue.read(planner, tree, config, app(key), environment(key));
            cells.put(key, settle(repository, walk, key, value, scan.of(key), cells.get(key)));
            apps.add(key.app());
        }
        for (String app : apps) {
            checkDrift(tree, config.app(app).orElseThrow());
        }
        lastRefresh = new ViewState.Refresh(false, scan.commitsRead(), affected.size());
        return true;
    }

    /**
     * A cell's record from its value and the commits that touched it, newest first: the commit that set the
     * value is the oldest of the leading run of commits after which the cell had it. When that run reaches the
     * end of the commits given, the previous record (a refresh) or the oldest commit's parent (a full build)
     * tells whether the value is older still.
     */
    private CellRecord settle(Repository repository, RevWalk walk, CellKey key, CellValue value, List<RevCommit> touches,
            CellRecord previous) throws IOException {
        Set<VersionId> seen = new LinkedHashSet<>(previous == null ? List.of() : previous.seen());
        seen.addAll(VersionId.of(value));
        if (value.error() != null) {
            return new CellRecord(value, null, seen);
        }
        RevCommit setter = null;
        boolean runEnded = false;
        for (int i = 0; i < touches.size(); i++) {
            CellValue then = i == 0 ? value : read(repository, touches.get(i), key);
            seen.addAll(VersionId.of(then));
            if (!runEnded && then.identity().equals(value.identity())) {
                setter = touches.get(i);
            } else {
                runEnded = true;
            }
        }
        if (runEnded) {
            return new CellRecord(value, CommitInfo.of(setter), seen);
        }
        if (previous != null) {
            boolean same = previous.value().identity().equals(value.identity());
            return new CellRecord(value, same ? previous.setBy() : setter == null ? null : CommitInfo.of(setter), seen);
        }
        if (setter == null) {
            return new CellRecord(value, null, seen);
        }
        if (setter.getParentCount() == 0) {
            return new CellRecord(value, CommitInfo.of(setter), seen);
        }
        CellValue before = read(repository, walk.parseCommit(setter.getParent(0)), key);
        seen.addAll(VersionId.of(before));
        boolean older = before.identity().equals(value.identity()); // set before the history read
        return new CellRecord(value, older ? null : CommitInfo.of(setter), seen);
    }

    private CellValue read(Repository repository, RevCommit commit, CellKey key) throws IOException {
        return CellValue.read(planner, new GitTree(repository, commit), config, app(key), environment(key));
    }

    private void checkDrift(GitTree tree, App app) throws IOException {
        List<String> notes = new ArrayList<>();
        driftByApp.put(app.name(), drift.check(tree, config, app, notes).stream().map(Finding::message).toList());
        notesByApp.put(app.name(), notes);
    }

    private App app(CellKey key) {
        return config.app(key.app()).orElseThrow();
    }

    private Environment environment(CellKey key) {
        return config.environment(key.env()).orElseThrow();
    }

    /** The config read at the tip. */
    PromotionConfig config() {
        return config;
    }

    /** The tip the state is of. */
    ObjectId tip() {
        return tip;
    }

    /** What the last update read. */
    ViewState.Refresh lastRefresh() {
        return lastRefresh;
    }

    /** The value of a cell at the tip. */
    CellValue value(String app, String env) {
        return cells.get(new CellKey(app, env)).value();
    }

    /** The rows of the matrix, with pending versions from {@code pending}. */
    List<AppRow> rows(Map<CellKey, ViewCell.Pending> pending, List<String> warnings) {
        List<AppRow> rows = new ArrayList<>(config.apps().size());
        List<Environment> environments = config.environments();
        for (App app : config.apps()) {
            List<ViewCell> row = new ArrayList<>(environments.size());
            List<String> unpromoted = new ArrayList<>();
            for (int i = 0; i < environments.size(); i++) {
                CellKey key = new CellKey(app.name(), environments.get(i).name());
                CellRecord cell = cells.get(key);
                row.add(cell(key, cell, pending.get(key)));
                if (i > 0) {
                    unpromoted(environments.get(i - 1), environments.get(i), cells.get(new CellKey(app.name(),
                            environments.get(i - 1).name())), cell).ifPresent(unpromoted::add);
                }
            }
            notesByApp.getOrDefault(app.name(), List.of()).forEach(n -> warnings.add("app " + app.name() + ": " + n));
            rows.add(new AppRow(app.name(), row, new AppRow.Parity(driftByApp.getOrDefault(app.name(), List.of()), unpromoted)));
        }
        return rows;
    }

    private static ViewCell cell(CellKey key, CellRecord cell, ViewCell.Pending pending) {
        CellValue value = cell.value();
        return new ViewCell(key.env(), key.app(),
                value.version().flatMap(ImageVersion::tag).orElse(null),
                value.version().flatMap(ImageVersion::digest).map(Object::toString).orElse(null),
                value.versions().stream().map(v -> v.file() + ":" + v.line() + " " + v.describe()).toList(),
                value.error(), cell.setBy(), pending, null);
    }

    /** "prod runs 1.0.1, which staging has not had": a version that skipped its upstream environment. */
    private static Optional<String> unpromoted(Environment upstream, Environment downstream, CellRecord up,
            CellRecord down) {
        if (down.value().version().isEmpty() || up.value().error() != null) {
            return Optional.empty();
        }
        VersionId version = VersionId.of(down.value().version().get());
        if (version.in(up.seen())) {
            return Optional.empty();
        }
        return Optional.of(downstream.name() + " runs " + version.label() + ", which " + upstream.name()
                + " has not had in the history read");
    }
}
