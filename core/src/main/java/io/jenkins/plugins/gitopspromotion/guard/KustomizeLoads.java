package io.jenkins.plugins.gitopspromotion.guard;

import io.jenkins.plugins.gitopspromotion.config.FileTooLargeException;
import io.jenkins.plugins.gitopspromotion.config.RepoTree;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The files Kustomize reads to build a folder, as far as secrets go: a kustomization's {@code resources} (and
 * {@code bases}, {@code components}), files and folders alike, whatever their names ({@code secret}, {@code db.json});
 * its patches; and what its {@code secretGenerator}s turn into Secret data ({@code envs}, {@code env}, {@code files}).
 * A folder named there is followed into its own kustomization. Remote resources, and paths that leave the repository,
 * are not followed (Kustomize fetches the first; the second are not the repository's to check).
 */
public final class KustomizeLoads {

    /** The names Kustomize looks for in a folder, in the order it does. */
    public static final List<String> KUSTOMIZATIONS = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    /** Most kustomizations followed from one folder: a bound on hostile repositories. */
    private static final int MAX_KUSTOMIZATIONS = 1000;

    /** How Kustomize uses a file. */
    public enum Role {
        /** Read as manifests (YAML or JSON), whatever the file's name. */
        MANIFEST,
        /** A secretGenerator's {@code KEY=value} lines, each a Secret's entry. */
        SECRET_ENV,
        /** A secretGenerator's file, whose content is a Secret's entry. */
        SECRET_FILE
    }

    private KustomizeLoads() {
    }

    /**
     * What building {@code folder} reads, file by file, beyond the folder's own files: followed through every
     * kustomization it leads to.
     *
     * @param notes receives what could not be followed (a kustomization that does not parse)
     * @return each file's path and role; a file used two ways keeps the first
     */
    public static Map<String, Role> of(RepoTree tree, String folder, YamlLimits limits, List<String> notes) throws IOException {
        Map<String, Role> loads = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        Deque<String> folders = new ArrayDeque<>(List.of(folder));
        while (!folders.isEmpty() && seen.size() < MAX_KUSTOMIZATIONS) {
            String next = folders.poll();
            if (seen.add(next)) {
                read(tree, next, limits, notes, loads, folders);
            }
        }
        return loads;
    }

    /** What {@code folder}'s own kustomization names (the folders it names are not followed): for the whole audit. */
    static Map<String, Role> named(RepoTree tree, String folder, YamlLimits limits, List<String> notes) throws IOException {
        Map<String, Role> loads = new LinkedHashMap<>();
        read(tree, folder, limits, notes, loads, new ArrayDeque<>());
        return loads;
    }

    /** What one folder's kustomization names, folders it names queued to be followed. */
    private static void read(RepoTree tree, String folder, YamlLimits limits, List<String> notes, Map<String, Role> loads,
            Deque<String> folders) throws IOException {
        Optional<String> kustomization = kustomization(tree, folder);
        if (kustomization.isEmpty()) {
            return;
        }
        Optional<MappingNode> root = parse(tree, kustomization.get(), limits, notes);
        if (root.isEmpty()) {
            return;
        }
        for (String key : List.of("resources", "bases", "components")) {
            for (String entry : strings(Manifests.child(root.get(), key))) {
                Optional<String> path = resolve(folder, entry);
                if (path.isEmpty()) {
                    continue;
                }
                switch (tree.entry(path.get())) {
                    case FILE -> loads.putIfAbsent(path.get(), Role.MANIFEST);
                    case FOLDER -> folders.add(path.get());
                    default -> { }
                }
            }
        }
        strings(Manifests.child(root.get(), "patchesStrategicMerge")).forEach(p -> add(tree, folder, p, Role.MANIFEST, loads));
        for (String key : List.of("patches", "patchesJson6902")) {
            items(Manifests.child(root.get(), key)).forEach(patch -> Manifests.text(patch, "path")
                    .ifPresent(p -> add(tree, folder, p, Role.MANIFEST, loads)));
        }
        for (Node generator : items(Manifests.child(root.get(), "secretGenerator"))) {
            strings(Manifests.child(generator, "envs")).forEach(p -> add(tree, folder, p, Role.SECRET_ENV, loads));
            Manifests.text(generator, "env").ifPresent(p -> add(tree, folder, p, Role.SECRET_ENV, loads));
            // A file entry is "path" or "key=path".
            strings(Manifests.child(generator, "files")).forEach(f -> add(tree, folder, f.substring(f.indexOf('=') + 1),
                    Role.SECRET_FILE, loads));
        }
    }

    /** The kustomization file of a folder, by the first name Kustomize finds. */
    static Optional<String> kustomization(RepoTree tree, String folder) throws IOException {
        for (String name : KUSTOMIZATIONS) {
            String path = folder.isEmpty() ? name : folder + "/" + name;
            if (tree.entry(path) == RepoTree.Entry.FILE) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    private static Optional<MappingNode> parse(RepoTree tree, String path, YamlLimits limits, List<String> notes)
            throws IOException {
        try {
            Optional<byte[]> bytes = tree.read(path, limits.maxBytes());
            List<Node> documents = bytes.isEmpty() ? List.of() : YamlFile.parse(path, bytes.get(), limits).documents();
            return documents.size() == 1 && documents.get(0) instanceof MappingNode root ? Optional.of(root) : Optional.empty();
        } catch (YamlEditException | FileTooLargeException e) {
            notes.add(path + ": what it makes Kustomize read was not followed: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void add(RepoTree tree, String folder, String entry, Role role, Map<String, Role> loads) {
        resolve(folder, entry).filter(path -> isFile(tree, path)).ifPresent(path -> loads.putIfAbsent(path, role));
    }

    private static boolean isFile(RepoTree tree, String path) {
        try {
            return tree.entry(path) == RepoTree.Entry.FILE;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A path written in a kustomization, from the repository's root; empty when remote or outside the repository. */
    static Optional<String> resolve(String folder, String entry) {
        String written = entry.strip();
        if (written.isEmpty() || written.contains("://") || written.contains("?") || written.startsWith("/")
                || written.startsWith("git@") || written.startsWith("github.com/") || written.contains("\\")) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        if (!folder.isEmpty()) {
            parts.addAll(List.of(folder.split("/")));
        }
        for (String segment : written.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(segment);
            }
        }
        return parts.isEmpty() || parts.contains(".git") ? Optional.empty() : Optional.of(String.join("/", parts));
    }

    private static List<String> strings(Optional<Node> list) {
        List<String> values = new ArrayList<>();
        items(list).forEach(item -> YamlFile.scalar(item).ifPresent(values::add));
        return values;
    }

    private static List<Node> items(Optional<Node> list) {
        return list.filter(SequenceNode.class::isInstance).map(n -> ((SequenceNode) n).getValue()).orElse(List.of());
    }
}
