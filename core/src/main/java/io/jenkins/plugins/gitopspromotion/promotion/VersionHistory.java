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
final class VersionHistory {

    /** How far back a rollback looks. */
    static final int MAX_COMMITS = 500;

    /** One version and the commit that set it. */
    record Entry(ImageVersion version, RevCommit commit) {
    }

    private VersionHistory() {
    }

    /** Distinct consecutive versions, newest first; the first is the current one. */
    static List<Entry> of(Repository repository, RevCommit tip, PromotionConfig config, App app, Environment environment,
            ChangePlanner planner) throws IOException {
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
                if (entries.isEmpty() || !same(entries.get(entries.size() - 1).version(), version)) {
                    entries.add(new Entry(version, commit));
                }
            }
        }
        return entries;
    }

    static boolean same(ImageVersion a, ImageVersion b) {
        return a.tag().equals(b.tag()) && a.digest().equals(b.digest());
    }
}
