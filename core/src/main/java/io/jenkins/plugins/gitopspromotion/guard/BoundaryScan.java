package io.jenkins.plugins.gitopspromotion.guard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One look at what a process can reach (its environment, its home folders, its service account folder), and
 * the findings collected on the way. Every finding is written here, so that no check can put a variable's
 * value or a file's content into one.
 */
final class BoundaryScan {

    private final Map<String, String> environment;
    private final List<Path> homes;
    private final Path serviceAccountDir;
    private final boolean filesRefuse;
    private final List<BoundaryFinding> findings = new ArrayList<>();
    private final Set<Path> reportedFiles = new HashSet<>();

    /**
     * @param filesRefuse whether credentials found in files of this machine (not named by the environment) refuse a
     *     promotion: they do on an agent, and on a Jenkins controller only when its administrator enforces that
     */
    BoundaryScan(Map<String, String> environment, List<Path> homes, Path serviceAccountDir, boolean filesRefuse) {
        this.environment = Map.copyOf(environment);
        this.homes = List.copyOf(homes);
        this.serviceAccountDir = serviceAccountDir;
        this.filesRefuse = filesRefuse;
    }

    /** The variable's value; a blank one counts as unset, as kubectl and the cloud SDKs treat it. */
    Optional<String> variable(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The home folders: the JVM's and {@code HOME}'s, once each. */
    List<Path> homes() {
        return homes;
    }

    /** Where a Kubernetes service account token would be mounted. */
    Path serviceAccountDir() {
        return serviceAccountDir;
    }

    /** Reports the variable, by its name only. */
    void variableFound(String kind, String name, String remedy) {
        add(kind, "environment variable " + name, remedy);
    }

    /** Reports a variable whose value is a path, by its name and whether that file exists, never the path. */
    void fileVariableFound(String kind, String name, String value, String remedy) {
        add(kind, "environment variable " + name + " (" + existence(value) + ")", remedy);
    }

    /** Reports {@code file} if it is a file not reported yet. */
    void fileIfPresent(String kind, Path file, String remedy) {
        Path absolute = absolute(file);
        if (Files.isRegularFile(absolute) && reportedFiles.add(absolute)) {
            findings.add(new BoundaryFinding(kind, "file " + absolute, remedy, filesRefuse));
        }
    }

    /** Reports {@code folder} if it holds at least one file (a credential cache), and was not reported yet. */
    void folderIfHoldsFiles(String kind, Path folder, String remedy) {
        Path absolute = absolute(folder);
        if (holdsFiles(absolute) && reportedFiles.add(absolute)) {
            findings.add(new BoundaryFinding(kind, "folder " + absolute + " (holds files)", remedy, filesRefuse));
        }
    }

    /** Marks a file as reported by a finding that already names it. */
    void reported(Path file) {
        reportedFiles.add(absolute(file));
    }

    /** Adds a finding that refuses a promotion. */
    void add(String kind, String where, String remedy) {
        findings.add(new BoundaryFinding(kind, where, remedy));
    }

    /** Reports the variable, by its name only, as a sign of a cluster that refuses nothing. */
    void variableNoted(String kind, String name, String remedy) {
        findings.add(new BoundaryFinding(kind, "environment variable " + name, remedy, false));
    }

    List<BoundaryFinding> findings() {
        return List.copyOf(findings);
    }

    static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private static String existence(String path) {
        try {
            return Files.exists(Path.of(path)) ? "names an existing file" : "names no existing file";
        } catch (InvalidPathException e) {
            // The exception's message quotes the value, which may be a secret put there by mistake.
            return "not a valid path";
        }
    }

    private static boolean holdsFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder, 3)) {
            return files.anyMatch(Files::isRegularFile);
        } catch (IOException | RuntimeException e) {
            // A folder this process cannot list is not within its reach either.
            return false;
        }
    }
}
