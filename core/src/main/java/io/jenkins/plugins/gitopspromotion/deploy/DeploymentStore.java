package io.jenkins.plugins.gitopspromotion.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The reports received for one config repository, kept in a folder across restarts ({@code serve}: the cache folder;
 * the Jenkins plugin: under {@code JENKINS_HOME}): bounded ({@value #MAX_REPORTS} in all, {@value #MAX_PER_OBJECT} per
 * object and cluster, the oldest dropped first), deduplicated by id (a replayed body is recorded once), and written
 * as one JSON line per report, appended and synced before a report counts as recorded. A line cut short by a crash is
 * skipped when the folder is read again.
 *
 * <p>One process writes a folder at a time: {@link #open} holds a lock on it until {@link #close}. Others may
 * {@link #read} it. Thread-safe.
 */
public final class DeploymentStore implements AutoCloseable {

    /** The most reports kept. */
    public static final int MAX_REPORTS = 5_000;

    /** The most reports kept of one object in one cluster: enough for its history, not so many that it crowds others out. */
    public static final int MAX_PER_OBJECT = 200;


    private static final String FILE = "reports.jsonl";
    private static final String LOCK = "reports.lock";

    private final Path folder;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final LinkedHashMap<String, DeploymentReport> reports = new LinkedHashMap<>();
    private final LinkedHashSet<String> seen = new LinkedHashSet<>();
    /** The ids kept of each object in each cluster, oldest first. */
    private final Map<String, ArrayDeque<String>> byObject = new HashMap<>();
    private final List<Consumer<DeploymentReport>> listeners = new CopyOnWriteArrayList<>();
    private int lines;

    private final int maxReports;
    private final int maxPerObject;

    private DeploymentStore(Path folder, FileChannel lockChannel, FileLock lock, int maxReports, int maxPerObject) {
        this.folder = folder;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.maxReports = maxReports;
        this.maxPerObject = maxPerObject;
    }

    /** The folder of a repository's reports under a root (one folder per repository, named as its mirror is). */
    public static Path folder(Path root, RepositoryLocation repository) {
        return root.resolve(repository.cacheKey());
    }

    /**
     * Opens the store in a folder for writing, creating it, and reads what it holds.
     *
     * @throws IOException if the folder cannot be written, or another process has it open
     */
    public static DeploymentStore open(Path folder) throws IOException {
        return open(folder, MAX_REPORTS, MAX_PER_OBJECT);
    }

    /** A store with other bounds (tests). */
    static DeploymentStore open(Path folder, int maxReports, int maxPerObject) throws IOException {
        Files.createDirectories(folder);
        FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another process keeps the deployment reports in " + folder + "; one process receives"
                    + " them per repository");
        }
        DeploymentStore store = new DeploymentStore(folder, channel, lock, maxReports, maxPerObject);
        try {
            List<DeploymentReport> read = new ArrayList<>();
            store.lines = readInto(folder.resolve(FILE), read);
            read.forEach(store::keep);
            if (store.lines != store.reports.size()) {
                store.compact(); // lines cut short, reports over the bounds, or dropped ones still on disk
            }
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /**
     * The reports a folder holds, oldest received first, without opening it for writing (the {@code wait} and
     * {@code status} commands read what a running {@code serve} receives).
     */
    public static List<DeploymentReport> read(Path folder) throws IOException {
        List<DeploymentReport> read = new ArrayList<>();
        readInto(folder.resolve(FILE), read);
        DeploymentStore bounded = new DeploymentStore(folder, null, null, MAX_REPORTS, MAX_PER_OBJECT);
        read.forEach(bounded::keep); // the file may still hold reports dropped since it was last compacted
        return bounded.reports();
    }

    /** Reads the lines of a file into {@code into}; answers how many lines it had. */
    private static int readInto(Path file, List<DeploymentReport> into) throws IOException {
        int count = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                count++;
                try {
                    into.add(Json.mapper().readValue(line, DeploymentReport.class));
                } catch (JsonProcessingException e) {
                    // A line cut short by a crash, or changed by hand: not a report.
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        }
        return count;
    }

    /**
     * Records a report, unless one with its id was recorded before.
     *
     * @return whether it was new
     * @throws IOException if it could not be written; then it is not recorded
     */
    public boolean add(DeploymentReport report) throws IOException {
        synchronized (this) {
            if (seen.contains(report.id())) {
                return false;
            }
            byte[] line = (Json.write(report, "a deployment report") + "\n").getBytes(StandardCharsets.UTF_8);
            write(folder.resolve(FILE), line, StandardOpenOption.APPEND);
            lines++;
            keep(report);
            if (lines > reports.size() + maxReports / 10) {
                compact(); // dropped reports are still on disk: rewrite once enough have piled up
            }
        }
        listeners.forEach(l -> l.accept(report));
        return true;
    }

    /** Whether a report with this id was recorded (and is still remembered). */
    public synchronized boolean contains(String id) {
        return seen.contains(id);
    }

    /** The reports kept, oldest received first. */
    public synchronized List<DeploymentReport> reports() {
        return List.copyOf(reports.values());
    }

    /** Calls {@code listener} with every report recorded from now on (the plugin wakes waiting steps with it). */
    public void onAdded(Consumer<DeploymentReport> listener) {
        listeners.add(listener);
    }

    /** Keeps a report in memory, dropping the oldest over the bounds. */
    private void keep(DeploymentReport report) {
        if (!seen.add(report.id())) {
            return;
        }
        if (seen.size() > 2 * maxReports) { // ids of reports no longer kept are remembered a while: a late replay
            Iterator<String> oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        reports.put(report.id(), report);
        ArrayDeque<String> same = byObject.computeIfAbsent(key(report), k -> new ArrayDeque<>());
        same.addLast(report.id());
        if (same.size() > maxPerObject) {
            reports.remove(same.removeFirst());
        }
        while (reports.size() > maxReports) {
            Iterator<DeploymentReport> oldest = reports.values().iterator();
            DeploymentReport dropped = oldest.next();
            oldest.remove();
            byObject.get(key(dropped)).remove(dropped.id());
        }
    }

    private static String key(DeploymentReport report) {
        return report.source().jsonName() + "\n" + report.object() + "\n" + report.clusterOrObject();
    }

    /** Rewrites the file with the reports kept, atomically. */
    private void compact() throws IOException {
        Path file = folder.resolve(FILE);
        Path next = folder.resolve(FILE + ".next");
        StringBuilder text = new StringBuilder();
        for (DeploymentReport report : reports.values()) {
            text.append(Json.write(report, "a deployment report")).append('\n');
        }
        write(next, text.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        lines = reports.size();
    }

    /** Writes bytes to a file ({@code mode}: appending or replacing) and syncs them to the disk. */
    private static void write(Path file, byte[] bytes, StandardOpenOption mode) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
        }
    }

    /** Releases the folder. */
    @Override
    public void close() throws IOException {
        if (lockChannel == null) {
            return; // read only
        }
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            lockChannel.close();
        }
    }
}
