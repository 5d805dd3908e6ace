package io.jenkins.plugins.gitopspromotion.build;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** One build's private folder (see {@link ScratchSpace}); {@link #close()} deletes it with all it holds. */
public interface ScratchFolder extends Closeable {

    /** The folder, as the builder sees it. */
    Path path();

    /**
     * Creates a file only this user can read, never readable by others in between, with folders on the way made the
     * same way.
     *
     * @param relative a path relative to the folder, such as {@code registry-auth/config.json}
     * @return the file, as the builder sees it
     */
    Path createPrivateFile(String relative, byte[] content) throws IOException;

    /**
     * The content of a file the builder wrote.
     *
     * @return empty when there is no such file
     */
    Optional<byte[]> read(String relative) throws IOException;

    /** Deletes the folder and whatever it holds, including what the builder added. */
    @Override
    void close() throws IOException;
}
