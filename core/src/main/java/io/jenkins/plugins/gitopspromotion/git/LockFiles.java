package io.jenkins.plugins.gitopspromotion.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Git's lock files ({@code refs/heads/main.lock}, {@code packed-refs.lock}, ...): a process writes one before it
 * changes a file and renames it over the file when done, so a process killed in between (kill -9, a lost agent)
 * leaves it behind, and every later update of that ref fails as if someone else were writing it.
 */
final class LockFiles {

    /** Younger locks may belong to a process at work right now: a ref update takes milliseconds. */
    static final Duration STALE_AFTER = Duration.ofSeconds(2);

    private LockFiles() {
    }

    /**
     * Deletes every lock file of a repository's refs and top-level files. Only for a repository no other process may
     * be writing: a mirror, while its file lock is held.
     */
    static void clear(Path gitDir) throws IOException {
        try (Stream<Path> top = Files.list(gitDir)) {
            for (Path file : top.filter(LockFiles::isLock).toList()) {
                Files.deleteIfExists(file);
            }
        }
        Path refs = gitDir.resolve("refs");
        if (Files.isDirectory(refs)) {
            try (Stream<Path> all = Files.walk(refs)) {
                for (Path file : all.filter(LockFiles::isLock).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** The lock file that keeps a branch from being updated, if one exists and is older than {@link #STALE_AFTER}. */
    static Optional<Path> staleLockOf(Path gitDir, String branch) throws IOException {
        for (Path lock : List.of(gitDir.resolve("refs/heads/" + branch + ".lock"), gitDir.resolve("packed-refs.lock"))) {
            try {
                Instant modified = Files.getLastModifiedTime(lock).toInstant();
                if (modified.isBefore(Instant.now().minus(STALE_AFTER))) {
                    return Optional.of(lock);
                }
            } catch (NoSuchFileException e) {
                // not locked this way
            }
        }
        return Optional.empty();
    }

    private static boolean isLock(Path file) {
        return file.getFileName().toString().endsWith(".lock") && Files.isRegularFile(file);
    }
}
