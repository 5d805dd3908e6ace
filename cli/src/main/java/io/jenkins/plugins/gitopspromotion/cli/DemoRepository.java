package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.git.GitTree;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The demo's config repository: a bare Git repository, as on a Git host, holding the sample files packaged
 * in the jar ({@code demo/files.txt} lists them, since a jar's folders cannot be listed) in one commit on
 * {@code main}.
 */
final class DemoRepository implements AutoCloseable {

    private static final PersonIdent AUTHOR = new PersonIdent("gitops-promotion demo", "demo@gitops-promotion.invalid");

    private final Path dir;
    private final Repository repository;

    private DemoRepository(Path dir, Repository repository) {
        this.dir = dir;
        this.repository = repository;
    }

    /** Creates {@code <folder>/config.git} in an empty or new folder, with the sample files committed to main. */
    static DemoRepository create(Path folder) throws IOException, GitAPIException {
        if (Files.isDirectory(folder)) {
            try (var entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("the demo needs an empty folder; " + folder + " is not empty");
                }
            }
        }
        Path bare = folder.resolve("config.git");
        Path work = folder.resolve("initial-checkout");
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            writeSampleFiles(work, file -> true);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Config repository for the demo").setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
            git.push().setRemote(bare.toUri().toString()).add("main").call();
        }
        deleteRecursively(work);
        return open(bare);
    }

    /** Opens an existing demo repository, to read it. */
    static DemoRepository open(Path bare) throws IOException {
        return new DemoRepository(bare, new FileRepositoryBuilder().setGitDir(bare.toFile()).setMustExist(true).build());
    }

    /** The bare repository's folder. */
    Path dir() {
        return dir;
    }

    /** The number of commits on a branch. */
    int commitCount(String branch) throws IOException {
        int count = 0;
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(repository.resolve("refs/heads/" + branch)));
            for (RevCommit ignored : walk) {
                count++;
            }
        }
        return count;
    }

    /** The unified diff a commit made to its parent, as {@code git show} prints it. */
    String diff(String commitId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(out); RevWalk walk = new RevWalk(repository)) {
            formatter.setRepository(repository);
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
            ObjectId parent = commit.getParentCount() > 0 ? walk.parseCommit(commit.getParent(0)).getTree() : null;
            formatter.format(parent, commit.getTree());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A file's content on a branch. */
    byte[] read(String branch, String path) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(repository.resolve("refs/heads/" + branch));
            return new GitTree(repository, commit).read(path).orElseThrow(() -> new IOException(path + " is not on " + branch));
        }
    }

    @Override
    public void close() {
        repository.close();
    }

    /** Writes the sample files that {@code include} accepts into a folder. */
    static void writeSampleFiles(Path folder, Predicate<String> include) throws IOException {
        for (String file : sampleFiles()) {
            if (include.test(file)) {
                Path target = folder.resolve(file);
                Files.createDirectories(target.getParent());
                Files.write(target, resource("demo/" + file));
            }
        }
    }

    private static List<String> sampleFiles() throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(resource("demo/files.txt")), StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DemoRepository.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the jar lacks the demo file " + name);
            }
            return in.readAllBytes();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
