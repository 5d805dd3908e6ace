package io.jenkins.plugins.gitopspromotion.build;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A docker config file ({@code DIR/config.json}) in a fresh folder only this user can read, created with
 * owner-only permissions from the start (never widened and narrowed after) and deleted on {@link #close()}.
 * Builders find it by path: {@code REGISTRY_AUTH_FILE} (buildah, podman) or {@code DOCKER_CONFIG} (docker,
 * kaniko), so no credential is ever on a command line.
 */
public final class TemporaryAuthConfig implements AutoCloseable {

    private final Path directory;
    private final Path file;

    private TemporaryAuthConfig(Path directory, Path file) {
        this.directory = directory;
        this.file = file;
    }

    /**
     * Writes {@code auth}'s docker config into a new owner-only folder.
     *
     * @param parent where to make the folder, or null for the system's temporary folder
     */
    public static TemporaryAuthConfig write(RegistryAuth auth, Path parent) throws IOException {
        Path directory = PrivateFiles.directory(parent, "registry-auth");
        Path file = directory.resolve("config.json");
        byte[] json = auth.configJson();
        try (SeekableByteChannel channel = Files.newByteChannel(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), PrivateFiles.fileAttributes())) {
            channel.write(ByteBuffer.wrap(json));
        } catch (IOException e) {
            deleteQuietly(file, directory);
            throw e;
        } finally {
            Arrays.fill(json, (byte) 0);
        }
        return new TemporaryAuthConfig(directory, file);
    }

    /** The folder holding {@code config.json}: the value for {@code DOCKER_CONFIG}. */
    public Path directory() {
        return directory;
    }

    /** The file itself: the value for {@code REGISTRY_AUTH_FILE}. */
    public Path file() {
        return file;
    }

    /** Deletes the folder with the file and whatever a builder added there (docker keeps {@code buildx/} in it). */
    @Override
    public void close() throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void deleteQuietly(Path file, Path directory) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // The first error is the one worth reporting.
        }
    }
}
