package io.jenkins.plugins.gitopspromotion.git;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileLock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TrackingRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * A locked, open, bare mirror of one config repository in the cache: fetches only the refs asked for, and
 * pushes one ref at a time with the old id the push expects. Held by one promotion at a time, across threads
 * and processes; {@link #close()} releases it.
 */
public final class Mirror implements AutoCloseable {

    /**
     * Server answers that mean "someone else moved the ref": JGit's own ("invalid old id sent", "lock failure"),
     * and the wording of Git, GitLab ("incorrect old value", "cannot lock ref") and others for a failed
     * compare-and-swap.
     */
    private static final Pattern RACE = Pattern.compile(
            "(?i).*(non-fast-forward|fetch first|stale info|incorrect old value|invalid old id|cannot lock ref|lock fail"
            + "|failed to lock|failed to update ref|already exists|but expected|is at [0-9a-f]+ but).*", Pattern.DOTALL);

    /** What a ref update may answer when it did its job. */
    private static final Set<RefUpdate.Result> UPDATED = EnumSet.of(RefUpdate.Result.NEW, RefUpdate.Result.FORCED,
            RefUpdate.Result.FAST_FORWARD, RefUpdate.Result.NO_CHANGE, RefUpdate.Result.RENAMED);

    private static final byte[] PARENT = "parent ".getBytes(StandardCharsets.US_ASCII);
    /** {@code tree <id>\n}, which every commit starts with. */
    private static final int TREE_LINE = "tree ".length() + Constants.OBJECT_ID_STRING_LENGTH + 1;
    private static final int PARENT_LINE = PARENT.length + Constants.OBJECT_ID_STRING_LENGTH + 1;

    private final Repository repository;
    private final RepositoryLocation location;
    private final GitAuth auth;
    private final int timeoutSeconds;
    private final ReentrantLock threadLock;
    private final FileChannel lockChannel;
    private final FileLock fileLock;

    Mirror(Repository repository, RepositoryLocation location, GitAuth auth, int timeoutSeconds, ReentrantLock threadLock,
            FileChannel lockChannel, FileLock fileLock) {
        this.repository = repository;
        this.location = location;
        this.auth = auth;
        this.timeoutSeconds = timeoutSeconds;
        this.threadLock = threadLock;
        this.lockChannel = lockChannel;
        this.fileLock = fileLock;
    }

    /** The bare repository; objects written to it can be pushed. */
    public Repository repository() {
        return repository;
    }

    /** The repository mirrored. */
    public RepositoryLocation location() {
        return location;
    }

    /**
     * Fetches the given branches (names or patterns such as {@code gitops-promotion/dev/*}), replacing the
     * mirror's copies and dropping the ones deleted on the server. A branch this mirror has not fetched before comes
     * shallow, its tip alone (see {@link FetchedBranches}); readers of history deepen it through {@link #history}. A
     * missing branch without pattern is an error naming it.
     *
     * @throws IOException naming the repository and the server's answer, never a credential
     */
    public void fetch(Collection<String> branches) throws IOException {
        fetchInto(repository, location, auth, timeoutSeconds, branches);
    }

    static void fetchInto(Repository repository, RepositoryLocation location, GitAuth auth, int timeoutSeconds,
            Collection<String> branches) throws IOException {
        FetchedBranches.Split split = FetchedBranches.split(repository, branches);
        if (!split.known().isEmpty()) {
            transfer(repository, location, auth, timeoutSeconds, split.known(), null);
        }
        if (!split.fresh().isEmpty()) {
            transfer(repository, location, auth, timeoutSeconds, split.fresh(), 1);
            FetchedBranches.record(repository, split.fresh());
        }
    }

    /** One fetch of {@code branches} into their copies, {@code depth} commits deep from each tip or, when null, all. */
    private static void transfer(Repository repository, RepositoryLocation location, GitAuth auth, int timeoutSeconds,
            List<String> branches, Integer depth) throws IOException {
        List<RefSpec> specs = branches.stream()
                .map(b -> new RefSpec("+refs/heads/" + b + ":refs/heads/" + b))
                .toList();
        FetchResult result = fetch(repository, location, auth, timeoutSeconds, specs, depth, String.join(", ", branches));
        // A copy that could not be updated would leave the promotion working on an old tip, and losing every push.
        for (TrackingRefUpdate update : result.getTrackingRefUpdates()) {
            if (!UPDATED.contains(update.getResult())) {
                throw new IOException("fetching " + String.join(", ", branches) + " from " + location + " failed: the"
                        + " mirror's copy " + update.getLocalName() + " in " + repository.getDirectory() + " could not be"
                        + " updated (" + update.getResult() + ")");
            }
        }
    }

    /**
     * One fetch of {@code specs}, dropping copies of branches deleted on the server.
     *
     * @param depth how many commits deep from each tip, or null for all
     * @param what what is fetched, for the message when it fails
     */
    static FetchResult fetch(Repository repository, RepositoryLocation location, GitAuth auth, int timeoutSeconds,
            List<RefSpec> specs, Integer depth, String what) throws IOException {
        try (Transport transport = connect(repository, location, auth, timeoutSeconds)) {
            transport.setRemoveDeletedRefs(true);
            transport.setDepth(depth);
            try {
                return transport.fetch(NullProgressMonitor.INSTANCE, specs);
            } catch (TransportException e) {
                throw new IOException("fetching " + what + " from " + location + " failed: " + e.getMessage()
                        + notes(transport, auth, e), e);
            }
        }
    }

    /**
     * The history behind the tips of a branch, deepened from the server where this mirror holds less of it than a
     * reader asks for.
     */
    public History history(String branch) {
        return new ShallowHistory(repository, branch,
                (name, tip, depth) -> DeepeningFetch.fetch(repository, location, auth, timeoutSeconds, name, tip, depth));
    }

    /**
     * The parents a commit was written with. In a shallow mirror a walk shows the commits where the history fetched
     * ends without parents; a commit's own text still names them.
     */
    public static List<ObjectId> parentsAsWritten(RevCommit commit) {
        byte[] raw = commit.getRawBuffer();
        List<ObjectId> parents = new ArrayList<>(1);
        int at = TREE_LINE;
        while (RawParseUtils.match(raw, at, PARENT) > 0) {
            parents.add(ObjectId.fromString(raw, at + PARENT.length));
            at += PARENT_LINE;
        }
        return parents;
    }

    /** The mirror's copy of a branch, as last fetched. */
    public Optional<RevCommit> branch(String name) throws IOException {
        Ref ref = repository.exactRef("refs/heads/" + name);
        if (ref == null) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return Optional.of(walk.parseCommit(ref.getObjectId()));
        }
    }

    /** The names of the mirror's branches under a prefix, such as {@code gitops-promotion/}. */
    public List<String> branches(String prefix) throws IOException {
        return repository.getRefDatabase().getRefsByPrefix("refs/heads/" + prefix).stream()
                .map(r -> r.getName().substring("refs/heads/".length()))
                .sorted()
                .toList();
    }

    /**
     * Pushes a commit to a branch, succeeding only if the branch is still at {@code expectedOld} (the zero id:
     * it must not exist yet). Never a blind force push.
     *
     * @param force whether the new commit may replace history (only for the promotion's own branches)
     * @throws IOException naming the repository and the server's answer, never a credential
     */
    public PushOutcome push(String branch, ObjectId commit, ObjectId expectedOld, boolean force) throws IOException {
        String ref = "refs/heads/" + branch;
        Optional<LocalTarget> local = LocalTarget.of(location);
        Optional<String> refusal = local.isPresent() ? local.get().refusal(branch) : Optional.empty();
        if (refusal.isPresent()) {
            return new PushOutcome(PushOutcome.Status.REJECTED, refusal.get());
        }
        RemoteRefUpdate update = new RemoteRefUpdate(repository, (String) null, commit, ref, force, null, expectedOld);
        PushResult result;
        try (Transport transport = connect(repository, location, auth, timeoutSeconds)) {
            try {
                result = transport.push(NullProgressMonitor.INSTANCE, List.of(update));
            } catch (TransportException e) {
                throw new IOException("pushing " + branch + " to " + location + " failed: " + e.getMessage()
                        + notes(transport, auth, e), e);
            }
        }
        RemoteRefUpdate answer = result.getRemoteUpdate(ref);
        String message = answer.getMessage() == null ? "" : answer.getMessage();
        switch (answer.getStatus()) {
            case OK, UP_TO_DATE -> {
                updateCopy(branch, ref, commit);
                return new PushOutcome(PushOutcome.Status.OK, message);
            }
            case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
                return race(local, branch, answer.getStatus() + " " + message);
            }
            case REJECTED_OTHER_REASON -> {
                return RACE.matcher(message).matches() ? race(local, branch, message)
                        : new PushOutcome(PushOutcome.Status.REJECTED, message);
            }
            default -> {
                return new PushOutcome(PushOutcome.Status.REJECTED, answer.getStatus() + " " + message);
            }
        }
    }

    /**
     * A push that looks lost to a race, unless something no retry can change stands in its way: a stale lock on the
     * branch in a local target, or a branch on the server that blocks this one.
     */
    private PushOutcome race(Optional<LocalTarget> local, String branch, String message) throws IOException {
        Optional<String> locked = local.isPresent() ? local.get().lockedBranch(branch) : Optional.empty();
        if (locked.isEmpty()) {
            locked = blockingBranch(branch);
        }
        return locked.map(why -> new PushOutcome(PushOutcome.Status.REJECTED, why))
                .orElseGet(() -> new PushOutcome(PushOutcome.Status.RACE, message));
    }

    /**
     * Why a branch cannot be created on the server: another branch is named like one of its folders
     * ({@code gitops-promotion/dev} blocks {@code gitops-promotion/dev/web}) or lies under it; Git stores branches
     * as files, and one name cannot be a file and a folder. Asked only after a push failed.
     */
    private Optional<String> blockingBranch(String branch) throws IOException {
        String ref = Constants.R_HEADS + branch;
        try (Transport transport = connect(repository, location, auth, timeoutSeconds);
                FetchConnection connection = transport.openFetch()) {
            return connection.getRefs().stream().map(Ref::getName)
                    .filter(name -> ref.startsWith(name + "/") || name.startsWith(ref + "/"))
                    .map(name -> name.substring(Constants.R_HEADS.length()))
                    .findFirst()
                    .map(name -> "the branch " + name + " on " + location + " blocks " + branch + ": Git cannot have a"
                            + " branch and a folder of branches of the same name; rename or delete " + name);
        } catch (TransportException e) {
            return Optional.empty(); // the race stands; the next attempt reports what the server says
        }
    }

    /** What the transport knows of a failure beyond JGit's words: a redirect not followed, a proxy wanting a login. */
    private static String notes(Transport transport, GitAuth auth, TransportException e) {
        return OriginBoundConnections.redirectNote(transport)
                + auth.network().proxy().map(proxy -> proxy.explain(e.getMessage())).orElse("");
    }

    /** A transport to the repository with the credentials and timeout set. */
    private static Transport connect(Repository repository, RepositoryLocation location, GitAuth auth, int timeoutSeconds)
            throws IOException {
        Transport transport;
        try {
            transport = Transport.open(repository, location.uri());
        } catch (TransportException e) {
            throw new IOException("connecting to " + location + " failed: " + e.getMessage(), e);
        }
        auth.configure(transport);
        transport.setTimeout(timeoutSeconds);
        return transport;
    }

    /** Moves the mirror's copy of a branch where the server now has it. */
    private void updateCopy(String branch, String ref, ObjectId commit) throws IOException {
        RefUpdate copy = repository.updateRef(ref);
        copy.setForceUpdate(true);
        RefUpdate.Result result;
        if (commit.equals(ObjectId.zeroId())) {
            result = copy.delete();
        } else {
            copy.setNewObjectId(commit);
            result = copy.update();
        }
        if (!UPDATED.contains(result)) {
            throw new IOException("pushed " + branch + " to " + location + ", but the mirror's copy in "
                    + repository.getDirectory() + " could not be updated (" + result + "); the next promotion fetches it"
                    + " again and finds what was pushed");
        }
    }

    /** Marks this mirror damaged: it is rebuilt from scratch the next time it is opened. */
    public void discard() throws IOException {
        MirrorCache.discard(repository);
    }

    /** Deletes a branch on the server if it is still at {@code expected}. */
    public PushOutcome delete(String branch, ObjectId expected) throws IOException {
        return push(branch, ObjectId.zeroId(), expected, true);
    }

    @Override
    public void close() {
        repository.close();
        try {
            fileLock.release();
            lockChannel.close();
        } catch (IOException e) {
            // The lock goes with the channel at the latest when the process ends; nothing else to do.
        } finally {
            threadLock.unlock();
        }
    }
}
