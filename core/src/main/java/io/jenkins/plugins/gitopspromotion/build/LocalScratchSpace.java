package io.jenkins.plugins.gitopspromotion.build;

import io.jenkins.plugins.gitopspromotion.files.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Private build folders on this machine, in a parent folder (the system's temporary folder by default). */
public final class LocalScratchSpace implements ScratchSpace {

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
        return new Folder(PrivateFiles.directory(parent, "image-build"));
    }

    /**
     * A folder {@link #create()} made earlier, by the path it gave: how work split over several calls (the Jenkins
     * plugin's, on an agent) finds its folder again.
     *
     * @throws IllegalArgumentException if {@code path} is not a folder of this space
     */
    public ScratchFolder folder(Path path) {
        Path folder = path.toAbsolutePath().normalize();
        Path expected = parent == null ? Path.of(System.getProperty("java.io.tmpdir")) : parent;
        if (!expected.toAbsolutePath().normalize().equals(folder.getParent()) || !folder.getFileName().toString().startsWith("image-build")) {
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
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (NoSuchFileException e) {
                // already gone
            }
        }
    }
}
