package io.jenkins.plugins.gitopspromotion.git;

import io.jenkins.plugins.gitopspromotion.config.FileTooLargeException;
import io.jenkins.plugins.gitopspromotion.config.RepoTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A config repository's files as they are in one commit, read straight from the object database: no working
 * tree, no checkout. Reading a file or listing a folder touches only the trees on its path, so it costs the
 * same in a repository of ten files as in one of sixteen thousand.
 */
public final class GitTree implements RepoTree {

    private final Repository repository;
    private final RevCommit commit;

    /** The files of {@code commit} in {@code repository}. */
    public GitTree(Repository repository, RevCommit commit) {
        this.repository = repository;
        this.commit = commit;
    }

    /** The commit this tree is of. */
    public RevCommit commit() {
        return commit;
    }

    @Override
    public Optional<byte[]> read(String path, int maxBytes) throws IOException {
        Optional<ObjectId> blob = blobId(path);
        if (blob.isEmpty()) {
            return Optional.empty();
        }
        try (ObjectReader reader = repository.newObjectReader()) {
            long size = reader.getObjectSize(blob.get(), Constants.OBJ_BLOB);
            if (size > maxBytes) {
                throw new FileTooLargeException(path, size, maxBytes);
            }
            return Optional.of(reader.open(blob.get(), Constants.OBJ_BLOB).getCachedBytes(maxBytes));
        }
    }

    /** The id of the blob at {@code path}, if it is a file: equal ids, equal bytes. */
    public Optional<ObjectId> blobId(String path) throws IOException {
        checkPath(path);
        try (ObjectReader reader = repository.newObjectReader();
                TreeWalk walk = TreeWalk.forPath(reader, path, commit.getTree())) {
            if (walk == null || (walk.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
                return Optional.empty();
            }
            return Optional.of(walk.getObjectId(0));
        }
    }

    @Override
    public Entry entry(String path) throws IOException {
        checkPath(path);
        try (ObjectReader reader = repository.newObjectReader();
                TreeWalk walk = TreeWalk.forPath(reader, path, commit.getTree())) {
            if (walk == null) {
                return Entry.NONE;
            }
            return switch (walk.getRawMode(0) & FileMode.TYPE_MASK) {
                case FileMode.TYPE_FILE -> Entry.FILE;
                case FileMode.TYPE_TREE -> Entry.FOLDER;
                case FileMode.TYPE_SYMLINK -> Entry.SYMBOLIC_LINK;
                case FileMode.TYPE_GITLINK -> Entry.SUBMODULE;
                default -> Entry.OTHER;
            };
        }
    }

    @Override
    public List<String> files() throws IOException {
        List<String> files = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                if ((walk.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_FILE) {
                    files.add(walk.getPathString());
                }
            }
        }
        files.sort(null);
        return files;
    }

    @Override
    public List<String> filesIn(String directory) throws IOException {
        List<String> files = new ArrayList<>();
        try (ObjectReader reader = repository.newObjectReader()) {
            ObjectId tree = commit.getTree();
            String prefix = "";
            if (!directory.isEmpty()) {
                checkPath(directory);
                try (TreeWalk walk = TreeWalk.forPath(reader, directory, commit.getTree())) {
                    if (walk == null || !walk.isSubtree()) {
                        return files;
                    }
                    tree = walk.getObjectId(0);
                }
                prefix = directory + "/";
            }
            try (TreeWalk walk = new TreeWalk(reader)) {
                walk.addTree(tree);
                while (walk.next()) {
                    if ((walk.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_FILE) {
                        files.add(prefix + walk.getPathString());
                    }
                }
            }
        }
        files.sort(null);
        return files;
    }

    @Override
    public String describe() {
        return "commit " + commit.abbreviate(10).name();
    }

    private static void checkPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("\\")
                || List.of(path.split("/")).stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
            throw new IllegalArgumentException("'" + path + "' is not a path inside the repository");
        }
    }
}
