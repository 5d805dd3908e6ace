package io.jenkins.plugins.gitopspromotion.build;

import io.jenkins.plugins.gitopspromotion.files.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * How long a build's private folder (which may hold the registry login) lives: until the build closes it, or at the
 * latest until this process ends, a stop by SIGTERM included (a shutdown hook deletes what is left). A process killed
 * outright (SIGKILL, a lost machine) runs no hook; its folder names its owner, and the next build in the same place
 * deletes the folders whose owner is gone.
 */
final class ScratchLifetime {

    /** Names the process that made a folder: its process id and start time (process ids are reused). */
    static final String OWNER = ".owner";

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ScratchLifetime::deleteQuietly),
                "gitops-promotion-scratch-cleanup"));
    }

    private ScratchLifetime() {
    }

    /** Marks a new folder as this process's and has it deleted when the process ends, if it is not closed before. */
    static void claim(Path folder) throws IOException {
        LIVE.add(folder);
        try (SeekableByteChannel channel = Files.newByteChannel(folder.resolve(OWNER),
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), PrivateFiles.fileAttributes())) {
            channel.write(ByteBuffer.wrap(owner(ProcessHandle.current()).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Deletes a folder and whatever it holds, including what a builder added. */
    static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // already gone
        }
        LIVE.remove(folder);
    }

    /**
     * Deletes the folders in {@code parent} named with {@code prefix} whose owner has ended. Folders of other users, and
     * folders that name no owner (being made right now, or by an older version), are left alone.
     */
    static void clearStale(Path parent, String prefix) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path folder : folders) {
                Optional<String> owner = ownerOf(folder);
                if (owner.isPresent() && !isAlive(owner.get())) {
                    deleteQuietly(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Tidying up is not the build's job: it goes on, and the next one tries again.
        }
    }

    private static Optional<String> ownerOf(Path folder) {
        try {
            return Optional.of(Files.readString(folder.resolve(OWNER), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty(); // no marker, or someone else's folder
        }
    }

    private static boolean isAlive(String owner) {
        String[] parts = owner.strip().split(" ", 2);
        try {
            return ProcessHandle.of(Long.parseLong(parts[0])).filter(p -> parts.length < 2 || owner(p).strip().equals(owner.strip()))
                    .map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not a marker this class wrote: not ours to judge
        }
    }

    private static String owner(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().map(Instant::toString).orElse("?") + "\n";
    }

    private static void deleteQuietly(Path folder) {
        try {
            delete(folder);
        } catch (IOException | RuntimeException e) {
            // at exit, or tidying: nothing more to do than try
        }
    }
}
