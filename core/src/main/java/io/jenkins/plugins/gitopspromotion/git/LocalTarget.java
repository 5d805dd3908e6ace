package io.jenkins.plugins.gitopspromotion.git;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * A config repository on this machine, as a push sees it. JGit pushes to a local repository in-process, without the
 * checks {@code git receive-pack} makes, so they are made here: a branch checked out in a working tree is not pushed
 * to (its working tree would still hold the old files and undo the promotion with the next commit there), and a
 * lock a crashed Git process left on a branch is named as such rather than taken for a lost race.
 */
final class LocalTarget {

    /** {@code receive.denyCurrentBranch} values with which Git does push to a checked-out branch. */
    private static final Set<String> PUSH_ANYWAY = Set.of("ignore", "warn", "false", "no", "off", "0");

    private final Path gitDir;
    private final RepositoryLocation location;

    private LocalTarget(Path gitDir, RepositoryLocation location) {
        this.gitDir = gitDir;
        this.location = location;
    }

    /** The repository a local location points at (its folder or its working tree); empty for a remote one. */
    static Optional<LocalTarget> of(RepositoryLocation location) {
        if (!location.isLocal()) {
            return Optional.empty();
        }
        File gitDir = RepositoryCache.FileKey.resolve(new File(location.uri().getPath()), FS.DETECTED);
        return Optional.ofNullable(gitDir).map(dir -> new LocalTarget(dir.toPath(), location));
    }

    /**
     * Why Git would refuse a push to {@code branch}: it is checked out in a working tree of the repository, and
     * {@code receive.denyCurrentBranch} does not allow it ({@code updateInstead} neither: no working tree is updated).
     */
    Optional<String> refusal(String branch) throws IOException {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build()) {
            String deny = repository.getConfig().getString("receive", null, "denyCurrentBranch");
            if (deny != null && PUSH_ANYWAY.contains(deny.toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
            String ref = Constants.R_HEADS + branch;
            Optional<Path> tree = !repository.isBare() && ref.equals(repository.getFullBranch())
                    ? Optional.of(repository.getWorkTree().toPath()) : linkedWorktreeOn(ref);
            return tree.map(t -> "refusing to update the branch " + branch + ", which is checked out in the working tree "
                    + t + " of " + location + ": that working tree would still hold the old files and undo the promotion"
                    + " with its next commit; promote into a bare repository (git clone --bare), or check out another"
                    + " branch there");
        }
    }

    /** A linked working tree ({@code git worktree add}) that has {@code ref} checked out. */
    private Optional<Path> linkedWorktreeOn(String ref) throws IOException {
        Path worktrees = gitDir.resolve("worktrees");
        if (!Files.isDirectory(worktrees)) {
            return Optional.empty();
        }
        try (Stream<Path> linked = Files.list(worktrees)) {
            for (Path admin : linked.toList()) {
                Path head = admin.resolve(Constants.HEAD);
                if (Files.isRegularFile(head) && Files.readString(head, StandardCharsets.UTF_8).strip().equals("ref: " + ref)) {
                    Path link = admin.resolve("gitdir");
                    return Optional.of(Files.isRegularFile(link)
                            ? Path.of(Files.readString(link, StandardCharsets.UTF_8).strip()).getParent() : admin);
                }
            }
        }
        return Optional.empty();
    }

    /** Why a push that looked like a lost race failed: a stale lock on the branch, if there is one. */
    Optional<String> lockedBranch(String branch) throws IOException {
        return LockFiles.staleLockOf(gitDir, branch).map(lock -> "the branch " + branch + " is locked in " + location + ": "
                + lock + " exists, left by a Git process that ended without cleaning up or still at work; if no Git"
                + " process is using the repository, delete it");
    }
}
