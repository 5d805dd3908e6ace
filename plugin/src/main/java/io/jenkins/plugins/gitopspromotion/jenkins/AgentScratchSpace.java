package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gitopspromotion.build.LocalScratchSpace;
import io.jenkins.plugins.gitopspromotion.build.ScratchFolder;
import io.jenkins.plugins.gitopspromotion.build.ScratchSpace;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import jenkins.MasterToSlaveFileCallable;

/**
 * A build's private files (registry login, digest file) in a folder of the workspace's temporary sibling
 * ({@code WS@tmp}) on the agent: where a builder started through the build's launcher sees them, also inside a
 * {@code container()} of a Kubernetes pod, which mounts the workspace volume. Each operation is a small callable on
 * the agent, done there by the engine's {@link LocalScratchSpace}.
 */
final class AgentScratchSpace implements ScratchSpace {

    private final FilePath parent;

    /** @param parent the workspace's temporary folder, made when needed */
    AgentScratchSpace(FilePath parent) {
        this.parent = parent;
    }

    @Override
    public ScratchFolder create() throws IOException {
        return new Folder(act(new Create()));
    }

    private <T> T act(FilePath.FileCallable<T> callable) throws IOException {
        try {
            return parent.act(callable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while working in " + parent.getRemote());
        }
    }

    /** A folder on the agent, by its path there. */
    private final class Folder implements ScratchFolder {

        private final String path;

        Folder(String path) {
            this.path = path;
        }

        @Override
        public Path path() {
            return Path.of(path);
        }

        @Override
        public Path createPrivateFile(String relative, byte[] content) throws IOException {
            return Path.of(act(new Write(path, relative, content)));
        }

        @Override
        public Optional<byte[]> read(String relative) throws IOException {
            return Optional.ofNullable(act(new Read(path, relative)));
        }

        /**
         * Deletes the folder also when the build was aborted: an abort interrupts this thread, and a call over the
         * agent channel from an interrupted thread is cancelled before it runs (remoting's {@code Request.call} waits
         * for the answer), which would leave the registry login on the agent's disk until the agent's JVM ends.
         */
        @Override
        public void close() throws IOException {
            boolean interrupted = Thread.interrupted();
            try {
                act(new Delete(path));
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static ScratchFolder folder(File parent, String path) {
        return new LocalScratchSpace(parent.toPath()).folder(Path.of(path));
    }

    /** Makes a private folder; answers its path. */
    private static final class Create extends MasterToSlaveFileCallable<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String invoke(File f, VirtualChannel channel) throws IOException {
            Files.createDirectories(f.toPath());
            return new LocalScratchSpace(f.toPath()).create().path().toString();
        }
    }

    /** Writes a private file; answers its path. */
    private static final class Write extends MasterToSlaveFileCallable<String> {
        private static final long serialVersionUID = 1L;
        private final String folder;
        private final String relative;
        private final byte[] content;

        Write(String folder, String relative, byte[] content) {
            this.folder = folder;
            this.relative = relative;
            this.content = content.clone();
        }

        @Override
        public String invoke(File f, VirtualChannel channel) throws IOException {
            return folder(f, folder).createPrivateFile(relative, content).toString();
        }
    }

    /** Reads a file the builder wrote; answers null when there is none. */
    private static final class Read extends MasterToSlaveFileCallable<byte[]> {
        private static final long serialVersionUID = 1L;
        private final String folder;
        private final String relative;

        Read(String folder, String relative) {
            this.folder = folder;
            this.relative = relative;
        }

        @Override
        public byte[] invoke(File f, VirtualChannel channel) throws IOException {
            return folder(f, folder).read(relative).orElse(null);
        }
    }

    /** Deletes the folder with everything in it. */
    private static final class Delete extends MasterToSlaveFileCallable<Void> {
        private static final long serialVersionUID = 1L;
        private final String folder;

        Delete(String folder) {
            this.folder = folder;
        }

        @Override
        public Void invoke(File f, VirtualChannel channel) throws IOException {
            folder(f, folder).close();
            return null;
        }
    }
}
