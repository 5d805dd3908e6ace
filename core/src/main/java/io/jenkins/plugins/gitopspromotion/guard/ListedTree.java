package io.jenkins.plugins.gitopspromotion.guard;

import io.jenkins.plugins.gitopspromotion.config.RepoTree;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A tree that lists its files once: the audit asks for the files of many folders (every app in every
 * environment), and listing a folder on disk walks the whole tree each time.
 */
final class ListedTree implements RepoTree {

    private final RepoTree tree;
    private List<String> files;

    ListedTree(RepoTree tree) {
        this.tree = tree;
    }

    @Override
    public Optional<byte[]> read(String path, int maxBytes) throws IOException {
        return tree.read(path, maxBytes);
    }

    @Override
    public Entry entry(String path) throws IOException {
        return tree.entry(path);
    }

    @Override
    public List<String> files() throws IOException {
        if (files == null) {
            files = tree.files();
        }
        return files;
    }

    @Override
    public String describe() {
        return tree.describe();
    }
}
