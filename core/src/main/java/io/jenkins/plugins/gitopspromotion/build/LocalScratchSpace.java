package io.jenkins.plugins.gitopspromotion.build;

import io.jenkins.plugins.gitopspromotion.files.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;

/**
 * Private build folders on this machine, in a parent folder (the system's temporary folder by default). A folder goes
 * when it is closed, or when the process ends (SIGTERM included); one left by a killed process is deleted by the
 * next build in the same parent folder ({@link ScratchLifetime}).
 */
public final class LocalScratchSpace implements ScratchSpace {

    private static final String PREFIX = "image-build";

    private final Path parent;

    /** @param parent where the folders are made, or null for the system's temporary folder */
    public LocalScratchSpace(Path parent) {
        this.parent = parent;
    }

    /** Folders in the system's temporary folder. */
    public static LocalScratchSpace temporary() {
        return new LocalScratchSpace(null);
    }

    @Override
    public ScratchFolder create() throws IOException {
        ScratchLifetime.clearStale(parentFolder(), PREFIX);
        Path folder = PrivateFiles.directory(parent, PREFIX);
        ScratchLifetime.claim(folder);
        return new Folder(folder);
    }

    private Path parentFolder() {
        return parent == null ? Path.of(System.getProperty("java.io.tmpdir")) : parent;
    }

    /**
     * A folder {@link #create()} made earlier, by the path it gave: how work split over several calls (the Jenkins
     * plugin's, on an agent) finds its folder again.
     *
     * @throws IllegalArgumentException if {@code path} is not a folder of this space
     */
    public ScratchFolder folder(Path path) {
        Path folder = path.toAbsolutePath().normalize();
        Path expected = parentFolder();
        if (!expected.toAbsolutePath().normalize().equals(folder.getParent()) || !folder.getFileName().toString().startsWith(PREFIX)) {
            throw new IllegalArgumentException(path + " is not a build folder in " + expected);
        }
        return new Folder(folder);
    }

    private record Folder(Path path) implements ScratchFolder {

        @Override
        public Path createPrivateFile(String relative, byte[] content) throws IOException {
            Path file = resolve(relative);
            if (!file.getParent().equals(path)) {
                Path dir = path;
                for (Path name : path.relativize(file.getParent())) {
                    dir = dir.resolve(name);
                    if (!Files.isDirectory(dir)) {
                        PrivateFiles.createDirectory(dir);
                    }
                }
            }
            try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PrivateFiles.fileAttributes())) {
                channel.write(ByteBuffer.wrap(content));
            }
            return file;
        }

        @Override
        public Optional<byte[]> read(String relative) throws IOException {
            try {
                return Optional.of(Files.readAllBytes(resolve(relative)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }

        private Path resolve(String relative) {
            Path file = path.resolve(relative).normalize();
            if (!file.startsWith(path) || file.equals(path)) {
                throw new IllegalArgumentException(relative + " is not a file inside the build's folder");
            }
            return file;
        }

        @Override
        public void close() throws IOException {
            ScratchLifetime.delete(path);
        }
    }
}
