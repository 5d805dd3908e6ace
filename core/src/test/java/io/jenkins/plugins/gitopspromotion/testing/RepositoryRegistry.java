package io.jenkins.plugins.gitopspromotion.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The bare repositories a test server serves, {@code ROOT/NAME.git}, each opened once and shared by the test
 * and the server so that both see the same instance (hooks get the test's repository).
 */
final class RepositoryRegistry implements AutoCloseable {

    /** Plain relative names only: the name ends up in a file path and a URL. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");

    private final Path root;
    private final Map<String, Repository> open = new ConcurrentHashMap<>();

    RepositoryRegistry(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    Path root() {
        return root;
    }

    /** {@code config} and {@code config.git} both name {@code ROOT/config.git}. */
    static String normalize(String name) {
        String bare = name.endsWith(".git") ? name.substring(0, name.length() - 4) : name;
        if (!NAME.matcher(bare).matches() || bare.contains("..")) {
            throw new IllegalArgumentException("Not a plain repository name: " + name);
        }
        return bare;
    }

    /** The URL path of a repository, relative to where the server serves them: {@code config.git}. */
    static String urlPath(String name) {
        return normalize(name) + ".git";
    }

    synchronized Repository create(String name) throws IOException {
        String key = normalize(name);
        Path dir = root.resolve(key + ".git");
        if (Files.exists(dir)) {
            throw new IOException("Repository already exists: " + dir);
        }
        Repository repository = BareRepos.create(dir);
        open.put(key, repository);
        return repository;
    }

    /** The shared instance; callers must not close it (closing the registry does). */
    synchronized Repository get(String name) throws IOException {
        String key = normalize(name);
        Repository repository = open.get(key);
        if (repository != null) {
            return repository;
        }
        Path dir = root.resolve(key + ".git");
        if (!Files.isDirectory(dir)) {
            throw new RepositoryNotFoundException(dir.toFile());
        }
        repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().setMustExist(true).build();
        open.put(key, repository);
        return repository;
    }

    @Override
    public synchronized void close() {
        open.values().forEach(Repository::close);
        open.clear();
    }
}
