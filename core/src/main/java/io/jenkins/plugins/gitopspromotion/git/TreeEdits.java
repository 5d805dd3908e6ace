package io.jenkins.plugins.gitopspromotion.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * Writes a new tree that is an old one with some files added or replaced, rewriting only the trees on the
 * changed paths and reusing every other subtree as it is. In a config repository of thousands of apps, a
 * promotion changes one or two files: this reads and writes a handful of trees where an in-memory index
 * (JGit's {@code DirCache}, which has no such path-copying editor) reads and hashes every tree of the
 * repository.
 */
public final class TreeEdits {

    private TreeEdits() {
    }

    /** One entry of a tree: its name, mode and object. */
    private record Entry(byte[] name, FileMode mode, ObjectId id) {
        boolean isTree() {
            return (mode.getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
        }

        /** Git orders a tree's entries by name, a subtree's name taken with a trailing '/'. */
        byte[] sortKey() {
            if (!isTree()) {
                return name;
            }
            byte[] key = Arrays.copyOf(name, name.length + 1);
            key[name.length] = '/';
            return key;
        }
    }

    /**
     * The id of {@code tree} with {@code files} (path to blob id) added or replaced. A file that exists keeps an
     * executable mode; anything else is written as a regular file.
     *
     * @param tree the tree to start from, or null for an empty one
     * @throws IOException if a path runs through a file, or names a folder; nothing is written then that matters
     */
    public static ObjectId apply(ObjectReader reader, ObjectInserter inserter, ObjectId tree, Map<String, ObjectId> files)
            throws IOException {
        return edit(reader, inserter, tree, files, "");
    }

    private static ObjectId edit(ObjectReader reader, ObjectInserter inserter, ObjectId tree, Map<String, ObjectId> files,
            String where) throws IOException {
        Map<String, Entry> entries = read(reader, tree);
        Map<String, Map<String, ObjectId>> folders = new LinkedHashMap<>();
        for (Map.Entry<String, ObjectId> file : files.entrySet()) {
            String path = file.getKey();
            int slash = path.indexOf('/');
            if (slash < 0) {
                Entry existing = entries.get(path);
                if (existing != null && existing.isTree()) {
                    throw new IOException("cannot write the file " + where + path + ": it is a folder");
                }
                FileMode mode = existing != null && existing.mode().equals(FileMode.EXECUTABLE_FILE.getBits())
                        ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
                entries.put(path, new Entry(path.getBytes(StandardCharsets.UTF_8), mode, file.getValue()));
            } else {
                folders.computeIfAbsent(path.substring(0, slash), f -> new LinkedHashMap<>())
                        .put(path.substring(slash + 1), file.getValue());
            }
        }
        for (Map.Entry<String, Map<String, ObjectId>> folder : folders.entrySet()) {
            String name = folder.getKey();
            Entry existing = entries.get(name);
            if (existing != null && !existing.isTree()) {
                throw new IOException("cannot write into " + where + name + "/: it is a file");
            }
            ObjectId subtree = edit(reader, inserter, existing == null ? null : existing.id(), folder.getValue(),
                    where + name + "/");
            entries.put(name, new Entry(name.getBytes(StandardCharsets.UTF_8), FileMode.TREE, subtree));
        }
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort((a, b) -> Arrays.compareUnsigned(a.sortKey(), b.sortKey()));
        TreeFormatter formatter = new TreeFormatter();
        for (Entry entry : sorted) {
            formatter.append(entry.name(), 0, entry.name().length, entry.mode(), entry.id());
        }
        return inserter.insert(formatter);
    }

    private static Map<String, Entry> read(ObjectReader reader, ObjectId tree) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (tree == null) {
            return entries;
        }
        for (CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, tree); !parser.eof(); parser.next()) {
            byte[] name = Arrays.copyOfRange(parser.getEntryPathBuffer(), 0, parser.getEntryPathLength());
            entries.put(new String(name, StandardCharsets.UTF_8),
                    new Entry(name, parser.getEntryFileMode(), parser.getEntryObjectId()));
        }
        return entries;
    }
}
