package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.Target;
import io.jenkins.plugins.gitopspromotion.git.GitTree;
import io.jenkins.plugins.gitopspromotion.git.History;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The versions an app had in an environment, newest first, read from the history of its files on the base
 * branch: what a rollback goes back to. Only commits that touched the files are read, and at most
 * {@link #MAX_COMMITS} of them; a shallow mirror's history is deepened until they are there.
 */
public final class VersionHistory {

    /** How far back a rollback looks. */
    public static final int MAX_COMMITS = 500;

    /**
     * One version and the commits that had it.
     *
     * @param version the version
     * @param commit the newest commit of the run of commits that had it
     * @param setBy the oldest commit of that run read: the one that set it, unless the run goes back further than
     *     the history read
     */
    public record Entry(ImageVersion version, RevCommit commit, RevCommit setBy) {
    }

    private VersionHistory() {
    }

    /**
     * Distinct consecutive versions, newest first (the first is the current one), at most {@code maxEntries}
     * of them, from the last {@link #MAX_COMMITS} commits that changed the app's folder in the environment. Where the
     * history readable ends before that, it is deepened a step at a time until it does not, or there is no more.
     */
    public static List<Entry> of(Repository repository, History history, RevCommit tip, PromotionConfig config, App app,
            Environment environment, ChangePlanner planner, int maxEntries) throws IOException {
        return read(repository, history, tip, config, app, environment, planner, maxEntries, true);
    }

    /**
     * The current version and the one before, if any, as a rollback needs them: the walk stops at the second version,
     * so the commit that set that one is not looked for (its {@code setBy} is the newest commit that had it).
     */
    static List<Entry> currentAndPrevious(Repository repository, History history, RevCommit tip, PromotionConfig config,
            App app, Environment environment, ChangePlanner planner) throws IOException {
        return read(repository, history, tip, config, app, environment, planner, 2, false);
    }

    /** @param settleLast whether to read on for the commit that set the last entry's version */
    private static List<Entry> read(Repository repository, History history, RevCommit tip, PromotionConfig config, App app,
            Environment environment, ChangePlanner planner, int maxEntries, boolean settleLast) throws IOException {
        Target target = config.target(app, environment);
        String path = target.directory(); // the folder: a kustomization may be named .yml, manifests are many files
        List<Entry> entries = new ArrayList<>();
        boolean ranOut;
        do {
            entries.clear();
            ranOut = walk(repository, tip, path, config, app, environment, planner, maxEntries, settleLast, entries);
        } while (ranOut && history.deepen(tip));
        return entries;
    }

    /** Reads the versions into {@code entries}; true when the walk ran out of commits before a limit stopped it. */
    private static boolean walk(Repository repository, RevCommit tip, String path, PromotionConfig config, App app,
            Environment environment, ChangePlanner planner, int maxEntries, boolean settleLast, List<Entry> entries)
            throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(tip));
            walk.setTreeFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(path), TreeFilter.ANY_DIFF));
            int read = 0;
            for (RevCommit commit : walk) {
                if (++read > MAX_COMMITS) {
                    return false;
                }
                List<ImageVersion> versions;
                try {
                    versions = planner.current(new GitTree(repository, commit), config, app, environment);
                } catch (PromotionException | YamlEditException e) {
                    continue; // the file did not hold the image then, or could not be read: not a version to go back to
                }
                if (versions.isEmpty()) {
                    continue;
                }
                ImageVersion version = versions.get(0);
                Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
                if (last != null && same(last.version(), version)) {
                    entries.set(entries.size() - 1, new Entry(last.version(), last.commit(), commit));
                } else if (entries.size() == maxEntries) {
                    return false;
                } else {
                    entries.add(new Entry(version, commit, commit));
                    if (!settleLast && entries.size() == maxEntries) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** Whether two versions have the same tag and digest. */
    public static boolean same(ImageVersion a, ImageVersion b) {
        return a.tag().equals(b.tag()) && a.digest().equals(b.digest());
    }
}
