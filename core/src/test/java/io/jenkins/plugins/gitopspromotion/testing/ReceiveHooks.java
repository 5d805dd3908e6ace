package io.jenkins.plugins.gitopspromotion.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;

/**
 * Ready-made server faults for {@link GitHttpServer#interceptReceive(PreReceiveHook)}: the hooks run after the
 * pushed objects arrived and before the refs are moved.
 */
public final class ReceiveHooks {

    private ReceiveHooks() {
    }

    /** Rejects every pushed command with {@code message}, which the client sees in its push result. */
    public static PreReceiveHook reject(String message) {
        return rejectEach(command -> message);
    }

    /** Rejects every pushed command with a message of its own. */
    public static PreReceiveHook rejectEach(Function<ReceiveCommand, String> message) {
        return (receivePack, commands) -> commands.forEach(command -> command.setResult(
                ReceiveCommand.Result.REJECTED_OTHER_REASON, message.apply(command)));
    }

    /**
     * Rejects every pushed command the way GitLab reports a lost race:
     * {@code cannot lock ref 'refs/heads/main': is at <server's id> but expected <client's old id>}.
     * Chain it after {@link #landCommit} for the server's id to really differ.
     */
    public static PreReceiveHook cannotLockRef() {
        return (receivePack, commands) -> commands.forEach(command -> command.setResult(
                ReceiveCommand.Result.REJECTED_OTHER_REASON,
                "cannot lock ref '" + command.getRefName() + "': is at "
                        + current(receivePack.getRepository(), command.getRefName()).name()
                        + " but expected " + command.getOldId().name()));
    }

    /**
     * Lands a competing commit on {@code branch} of the server's repository, as if another build pushed
     * first: the push being received then fails because the branch is no longer at the id it expects.
     */
    public static PreReceiveHook landCommit(String branch, String path, String content) {
        return (receivePack, commands) -> {
            try {
                BareRepos.commitFile(receivePack.getRepository(), branch, path, content, "Competing change to " + path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Runs {@code hooks} in order on the same push. */
    public static PreReceiveHook chain(PreReceiveHook... hooks) {
        return (receivePack, commands) -> {
            for (PreReceiveHook hook : hooks) {
                hook.onPreReceive(receivePack, commands);
            }
        };
    }

    private static ObjectId current(Repository repository, String refName) {
        try {
            Ref ref = repository.exactRef(refName);
            return ref == null ? ObjectId.zeroId() : ref.getObjectId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
