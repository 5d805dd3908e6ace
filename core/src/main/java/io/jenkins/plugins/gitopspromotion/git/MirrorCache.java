package io.jenkins.plugins.gitopspromotion.git;

import io.jenkins.plugins.gitopspromotion.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.PackInvalidException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A folder of bare mirrors, one per repository location, shared by every promotion on a machine: a mirror
 * is created once and later only fetched into, which is what makes a promotion in a large config repository
 * fast. Several threads and processes may use one folder at once; each mirror is guarded by a lock file
 * ({@code <name>.lock}) held for the whole promotion. A mirror whose creation did not finish, or that turns
 * out corrupt, is deleted and built again rather than trusted.
 *
 * <p>Mirrors hold private repositories, so the folder (when this creates it), every mirror and every lock file are
 * readable by their owner only, whatever the process's umask.
 */
public final class MirrorCache {

    /** Written into a mirror once its first fetch completed; a mirror without it is half-built. */
    static final String COMPLETE_MARKER = "gitops-promotion-mirror-complete";

    /** Threads of one process: a file lock alone cannot keep them apart (it is held per process). */
    private static final Map<Path, ReentrantLock> THREAD_LOCKS = new ConcurrentHashMap<>();

    /** Less room than this left on the cache's disk after a failed write means the write failed for want of space. */
    private static final long LOW_SPACE = 1024 * 1024;

    private final Path root;
    private final int timeoutSeconds;
    private final NetworkSettings network;

    /**
     * A cache connecting with the {@linkplain NetworkSettings#defaults() default network settings}.
     *
     * @param root the cache folder, created when missing
     * @param timeoutSeconds network timeout of each fetch and push
     */
    public MirrorCache(Path root, int timeoutSeconds) {
        this(root, timeoutSeconds, NetworkSettings.defaults());
    }

    /**
     * @param root the cache folder, created when missing
     * @param timeoutSeconds network timeout of each fetch and push
     * @param network how this machine reaches Git hosts: every fetch and push of the cache's mirrors connects so
     */
    public MirrorCache(Path root, int timeoutSeconds, NetworkSettings network) {
        this.root = root.toAbsolutePath().normalize();
        this.timeoutSeconds = timeoutSeconds;
        this.network = network;
    }

    /** {@code $XDG_CACHE_HOME/gitops-promotion/mirrors}, or {@code ~/.cache/gitops-promotion/mirrors}. */
    public static Path defaultRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("gitops-promotion").resolve("mirrors");
    }

    /** The cache folder. */
    public Path root() {
        return root;
    }

    /** How the cache's mirrors reach their Git hosts. */
    public NetworkSettings network() {
        return network;
    }

    /**
     * A failure while working on a mirror, said with the cache folder when the folder's disk is full: the system's
     * own message ("No space left on device") names neither the folder nor what to do. Other failures are returned as
     * they are.
     */
    public IOException explain(IOException failure) {
        if (!isDiskFull(failure)) {
            return failure;
        }
        return new IOException(failure.getMessage() + " (the mirror cache " + root + " is on a disk that is full: free"
                + " space there, or use another cache folder)", failure);
    }

    private boolean isDiskFull(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
                return true;
            }
        }
        try {
            // The system's message may be in another language: a disk with (next to) nothing left tells the same.
            return Files.getFileStore(Files.isDirectory(root) ? root : root.getParent()).getUsableSpace() < LOW_SPACE;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Locks and opens the mirror of a repository, creating it (and fetching {@code branches} into it) when
     * missing, half-built or corrupt, and fetching {@code branches} otherwise.
     *
     * @throws IOException if the repository cannot be fetched; the message names it, never a credential
     */
    public Mirror open(RepositoryLocation location, GitAuth credentials, Collection<String> branches) throws IOException {
        GitAuth auth = credentials.over(network);
        PrivateFiles.createDirectories(root);
        Path dir = root.resolve(location.cacheKey() + ".git");
        ReentrantLock threadLock = THREAD_LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
        threadLock.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(root.resolve(location.cacheKey() + ".lock"), Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE), PrivateFiles.fileAttributes());
            FileLock fileLock = channel.lock();
            if (Files.isDirectory(dir)) {
                // Nobody else writes the mirror while its lock is held: any Git lock file in it is a crash's leftover.
                LockFiles.clear(dir);
            }
            Repository repository = fetchedMirror(dir, location, auth, branches);
            MirrorMaintenance.compactIfNeeded(repository);
            return new Mirror(repository, location, auth, timeoutSeconds, threadLock, channel, fileLock);
        } catch (IOException | RuntimeException e) {
            if (threadLock.isHeldByCurrentThread()) {
                if (channel != null && channel.isOpen()) {
                    channel.close();
                }
                threadLock.unlock();
            }
            throw e;
        }
    }

    /** The mirror's repository with {@code branches} fetched, rebuilt once if it turns out corrupt. */
    private Repository fetchedMirror(Path dir, RepositoryLocation location, GitAuth auth, Collection<String> branches)
            throws IOException {
        Repository repository = openOrRebuild(dir);
        try {
            Mirror.fetchInto(repository, location, auth, timeoutSeconds, branches);
        } catch (IOException e) {
            repository.close();
            if (!isCorruption(e)) {
                throw e;
            }
            // A damaged object database cannot be repaired by fetching into it: start over, once.
            deleteRecursively(dir);
            repository = create(dir);
            try {
                Mirror.fetchInto(repository, location, auth, timeoutSeconds, branches);
            } catch (IOException again) {
                repository.close();
                throw again;
            }
        }
        Files.writeString(dir.resolve(COMPLETE_MARKER), "");
        return repository;
    }

    /** Marks a mirror found damaged, so that the next {@link #open} builds it again from scratch. */
    static void discard(Repository repository) throws IOException {
        Files.deleteIfExists(repository.getDirectory().toPath().resolve(COMPLETE_MARKER));
    }

    private static Repository openOrRebuild(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            PrivateFiles.restrict(dir); // a mirror made by an earlier version, with the umask's permissions
            if (Files.exists(dir.resolve(COMPLETE_MARKER))) {
                try {
                    Repository repository = open(dir);
                    if (repository.getObjectDatabase().exists()) {
                        return repository;
                    }
                    repository.close();
                } catch (IOException | IllegalArgumentException e) {
                    // fall through: rebuilt below
                }
            }
            deleteRecursively(dir);
        }
        return create(dir);
    }

    private static Repository open(Path dir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
    }

    private static Repository create(Path dir) throws IOException {
        PrivateFiles.createDirectory(dir);
        Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
        repository.create(true);
        // No automatic gc: JGit would start it in the background after a fetch, under a promotion's feet.
        repository.getConfig().setInt("gc", null, "auto", 0);
        repository.getConfig().setInt("gc", null, "autoPackLimit", 0);
        repository.getConfig().setBoolean("gc", null, "autoDetach", false);
        FetchedBranches.startShallow(repository.getConfig());
        repository.getConfig().save();
        return repository;
    }

    /**
     * Whether a failure means the mirror's object database is damaged (a corrupt, missing or invalid object
     * or pack), so that the mirror must be discarded rather than used again.
     */
    public static boolean isCorruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CorruptObjectException || t instanceof MissingObjectException || t instanceof PackInvalidException) {
                return true;
            }
        }
        return false;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
