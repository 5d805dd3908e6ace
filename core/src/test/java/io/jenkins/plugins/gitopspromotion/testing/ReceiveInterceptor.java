package io.jenkins.plugins.gitopspromotion.testing;

import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * The pre-receive hook installed on every receive-pack: runs the hooks a test queued for the next pushes,
 * then the hooks it installed for every push.
 *
 * <p>Hooks are taken when commands are about to be applied rather than when a receive-pack is created,
 * because the ref advertisement of a push also creates one.
 */
final class ReceiveInterceptor implements PreReceiveHook {

    private final Queue<PreReceiveHook> once = new ConcurrentLinkedQueue<>();
    private final List<PreReceiveHook> always = new CopyOnWriteArrayList<>();

    void next(PreReceiveHook hook) {
        once.add(hook);
    }

    void every(PreReceiveHook hook) {
        always.add(hook);
    }

    void clear() {
        once.clear();
        always.clear();
    }

    @Override
    public void onPreReceive(ReceivePack receivePack, Collection<ReceiveCommand> commands) {
        PreReceiveHook next = once.poll();
        if (next != null) {
            next.onPreReceive(receivePack, commands);
        }
        for (PreReceiveHook hook : always) {
            hook.onPreReceive(receivePack, commands);
        }
    }
}
