package io.jenkins.plugins.gitopspromotion.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The demo's config repository: a local Git repository with a working tree, filled from the sample files
 * packaged in the jar ({@code demo/files.txt} lists them, since a jar's folders cannot be listed).
 */
final class DemoRepository implements AutoCloseable {

    private static final PersonIdent AUTHOR = new PersonIdent("gitops-promotion demo", "demo@gitops-promotion.invalid");

    private final Path dir;
    private final Git git;

    private DemoRepository(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    /** Creates the repository in an empty or new folder and commits the sample files to {@code main}. */
    static DemoRepository create(Path dir) throws IOException, GitAPIException {
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("the demo needs an empty folder; " + dir + " is not empty");
                }
            }
        }
        Files.createDirectories(dir);
        for (String file : sampleFiles()) {
            Path target = dir.resolve(file);
            Files.createDirectories(target.getParent());
            Files.write(target, resource("demo/" + file));
        }
        DemoRepository repository = new DemoRepository(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
        repository.commitAll("Config repository for the demo");
        return repository;
    }

    /** The working tree. */
    Path dir() {
        return dir;
    }

    /** Writes a file of the working tree. */
    void write(String path, byte[] content) throws IOException {
        Files.write(dir.resolve(path), content);
    }

    /** Commits every change of the working tree, returning the new commit. */
    RevCommit commitAll(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
    }

    /** Whether the working tree holds no uncommitted change. */
    boolean isClean() throws GitAPIException {
        return git.status().call().isClean();
    }

    /** The number of commits on the current branch. */
    int commitCount() throws GitAPIException {
        int count = 0;
        for (RevCommit ignored : git.log().call()) {
            count++;
        }
        return count;
    }

    /** The unified diff a commit made to its parent, as {@code git show} prints it. */
    String diff(RevCommit commit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(out); RevWalk walk = new RevWalk(git.getRepository())) {
            formatter.setRepository(git.getRepository());
            ObjectId parent = commit.getParentCount() > 0 ? walk.parseCommit(commit.getParent(0)).getTree() : null;
            formatter.format(parent, commit.getTree());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        git.close();
    }

    private static List<String> sampleFiles() throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new java.io.ByteArrayInputStream(resource("demo/files.txt")), StandardCharsets.UTF_8))) {
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
}
