package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.Target;
import io.jenkins.plugins.gitopspromotion.git.GitTree;
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
 * {@link #MAX_COMMITS} of them.
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

    /** Distinct consecutive versions, newest first; the first is the current one. */
    static List<Entry> of(Repository repository, RevCommit tip, PromotionConfig config, App app, Environment environment,
            ChangePlanner planner) throws IOException {
        return of(repository, tip, config, app, environment, planner, Integer.MAX_VALUE);
    }

    /**
     * Distinct consecutive versions, newest first (the first is the current one), at most {@code maxEntries}
     * of them, from the last {@link #MAX_COMMITS} commits that changed the app's folder in the environment.
     */
    public static List<Entry> of(Repository repository, RevCommit tip, PromotionConfig config, App app,
            Environment environment, ChangePlanner planner, int maxEntries) throws IOException {
        Target target = config.target(app, environment);
        String path = target.directory(); // the folder: a kustomization may be named .yml, manifests are many files
        List<Entry> entries = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(tip));
            walk.setTreeFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(path), TreeFilter.ANY_DIFF));
            int read = 0;
            for (RevCommit commit : walk) {
                if (++read > MAX_COMMITS) {
                    break;
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
                    break;
                } else {
                    entries.add(new Entry(version, commit, commit));
                }
            }
        }
        return entries;
    }

    /** Whether two versions have the same tag and digest. */
    public static boolean same(ImageVersion a, ImageVersion b) {
        return a.tag().equals(b.tag()) && a.digest().equals(b.digest());
    }
}
