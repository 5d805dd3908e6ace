package io.jenkins.plugins.gitopspromotion.view;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Which commits touched which cells: walks the first-parent history of a branch from its tip, newest first,
 * diffing each commit with its parent (equal subtrees are skipped, so a commit costs what it changed), and maps
 * the changed files to cells through a {@link CellIndex}.
 *
 * @param touches per cell, the commits that changed its files, newest first
 * @param commitsRead how many commits were diffed
 */
record ChangeScan(Map<CellKey, List<RevCommit>> touches, int commitsRead) {

    /**
     * Scans the commits from {@code tip} back to (not including) {@code stop}, at most {@code maxCommits}.
     *
     * @param walk parses the commits; they stay valid with it
     * @param stop where the last scan ended, or null to scan from the start of history
     */
    static ChangeScan of(RevWalk walk, RevCommit tip, ObjectId stop, int maxCommits, CellIndex index) throws IOException {
        Map<CellKey, List<RevCommit>> touches = new HashMap<>();
        walk.reset();
        walk.setFirstParent(true);
        walk.markStart(tip);
        if (stop != null) {
            walk.markUninteresting(walk.parseCommit(stop));
        }
        int read = 0;
        for (RevCommit commit : walk) {
            if (read++ >= maxCommits) {
                break;
            }
            RevTree before = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0)).getTree();
            for (String path : changedPaths(walk.getObjectReader(), before, commit.getTree())) {
                for (CellKey cell : index.cellsOf(path)) {
                    List<RevCommit> list = touches.computeIfAbsent(cell, c -> new ArrayList<>());
                    if (list.isEmpty() || list.get(list.size() - 1) != commit) {
                        list.add(commit);
                    }
                }
            }
        }
        return new ChangeScan(touches, Math.min(read, maxCommits));
    }

    /** The files that differ between two trees ({@code before} null: every file of {@code after}). */
    static Set<String> changedPaths(ObjectReader reader, ObjectId before, ObjectId after) throws IOException {
        Set<String> paths = new LinkedHashSet<>();
        try (TreeWalk diff = new TreeWalk((Repository) null, reader)) {
            if (before == null) {
                diff.addTree(new EmptyTreeIterator());
            } else {
                diff.addTree(before);
            }
            diff.addTree(after);
            diff.setRecursive(true);
            diff.setFilter(TreeFilter.ANY_DIFF);
            while (diff.next()) {
                paths.add(diff.getPathString());
            }
        }
        return paths;
    }

    /** The commits that touched a cell, newest first. */
    List<RevCommit> of(CellKey cell) {
        return touches.getOrDefault(cell, List.of());
    }
}
