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
 *
 * <p>Entries are matched by their names' raw bytes, and every entry an edit is not on is written back exactly as it
 * was, in its place: a name that is not valid UTF-8, an odd mode, even a malformed tree's duplicate.
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
        Map<String, ObjectId> here = new LinkedHashMap<>();
        Map<String, Map<String, ObjectId>> folders = new LinkedHashMap<>();
        for (Map.Entry<String, ObjectId> file : files.entrySet()) {
            String path = file.getKey();
            int slash = path.indexOf('/');
            if (slash < 0) {
                here.put(key(path), file.getValue());
            } else {
                folders.computeIfAbsent(key(path.substring(0, slash)), f -> new LinkedHashMap<>())
                        .put(path.substring(slash + 1), file.getValue());
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Entry entry : read(reader, tree)) {
            String name = key(entry.name());
            // Only the first entry of a name is edited; any other entry, even a malformed duplicate, is kept as it is.
            ObjectId blob = here.remove(name);
            Map<String, ObjectId> inside = blob == null ? folders.remove(name) : null;
            if (blob != null) {
                entries.add(file(entry, blob, where));
            } else if (inside != null) {
                entries.add(folder(reader, inserter, entry, inside, where));
            } else {
                entries.add(entry);
            }
        }
        for (Map.Entry<String, ObjectId> file : here.entrySet()) {
            insertSorted(entries, new Entry(bytes(file.getKey()), FileMode.REGULAR_FILE, file.getValue()));
        }
        for (Map.Entry<String, Map<String, ObjectId>> folder : folders.entrySet()) {
            byte[] name = bytes(folder.getKey());
            insertSorted(entries, new Entry(name, FileMode.TREE, edit(reader, inserter, null, folder.getValue(),
                    where + display(name) + "/")));
        }
        TreeFormatter formatter = new TreeFormatter();
        for (Entry entry : entries) {
            formatter.append(entry.name(), 0, entry.name().length, entry.mode(), entry.id());
        }
        return inserter.insert(formatter);
    }

    /** An existing entry given new content: an executable file stays executable; anything else becomes a regular file. */
    private static Entry file(Entry existing, ObjectId blob, String where) throws IOException {
        if (existing.isTree()) {
            throw new IOException("cannot write the file " + where + display(existing.name()) + ": it is a folder");
        }
        FileMode mode = existing.mode().equals(FileMode.EXECUTABLE_FILE.getBits()) ? FileMode.EXECUTABLE_FILE
                : FileMode.REGULAR_FILE;
        return new Entry(existing.name(), mode, blob);
    }

    private static Entry folder(ObjectReader reader, ObjectInserter inserter, Entry existing, Map<String, ObjectId> files,
            String where) throws IOException {
        if (!existing.isTree()) {
            throw new IOException("cannot write into " + where + display(existing.name()) + "/: it is a file");
        }
        String inside = where + display(existing.name()) + "/";
        return new Entry(existing.name(), FileMode.TREE, edit(reader, inserter, existing.id(), files, inside));
    }

    /** Adds a new entry where Git's order puts it, leaving the order of the others exactly as it was. */
    private static void insertSorted(List<Entry> entries, Entry added) {
        int at = 0;
        while (at < entries.size() && Arrays.compareUnsigned(entries.get(at).sortKey(), added.sortKey()) < 0) {
            at++;
        }
        entries.add(at, added);
    }

    /**
     * A tree entry's name as a map key: its raw bytes, one char per byte (ISO-8859-1 maps bytes to chars one to one),
     * so that names that are not valid UTF-8 never collide, as two such names would once decoded.
     */
    private static String key(byte[] name) {
        return new String(name, StandardCharsets.ISO_8859_1);
    }

    /** The key of a path segment given as text: its UTF-8 bytes, as Git stores names. */
    private static String key(String segment) {
        return key(segment.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String display(byte[] name) {
        return new String(name, StandardCharsets.UTF_8);
    }

    /** A tree's entries in the order they are stored. */
    private static List<Entry> read(ObjectReader reader, ObjectId tree) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (tree == null) {
            return entries;
        }
        for (CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, tree); !parser.eof(); parser.next()) {
            byte[] name = Arrays.copyOfRange(parser.getEntryPathBuffer(), 0, parser.getEntryPathLength());
            entries.add(new Entry(name, parser.getEntryFileMode(), parser.getEntryObjectId()));
        }
        return entries;
    }
}
