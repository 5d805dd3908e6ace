package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.FilePath;
import java.nio.file.Path;

/**
 * A {@link FilePath} on "the agent" that is this machine: its callables run here, on the real folder, as Jenkins runs
 * them on an agent; of the channel only this is imitated: a call from an interrupted thread fails before it runs.
 */
final class AgentFiles {

    private AgentFiles() {
    }

    /** {@code folder} as a workspace or other agent path. */
    static FilePath of(Path folder) {
        FilePath path = mock(FilePath.class);
        when(path.getRemote()).thenReturn(folder.toString());
        try {
            when(path.act(any())).thenAnswer(call -> {
                // As over the agent channel: remoting's Request.call waits for the answer, so a call made from an
                // interrupted thread (an aborted build's) is cancelled with InterruptedException before it runs.
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                return call.<FilePath.FileCallable<?>>getArgument(0).invoke(folder.toFile(), null);
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return path;
    }
}
