package io.jenkins.plugins.gitopspromotion.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Path-copying tree edits give exactly the tree JGit's in-memory index gives, Git's entry order included. */
class TreeEditsTest {

    @TempDir
    Path temp;

    @Test
    void writesTheSameTreeAsJGitsIndexForAddsReplacementsAndGitsOrdering() throws IOException {
        try (Repository repository = BareRepos.create(temp.resolve("r.git"))) {
            Map<String, Object> files = new LinkedHashMap<>();
            // 'a.b' sorts before the folder 'a' ("a/") but after the file 'a-', the case that breaks naive sorting.
            files.put("a-", "1");
            files.put("a.b", "2");
            files.put("a/x.yaml", "3");
            files.put("apps/web/overlays/dev/kustomization.yaml", "4");
            files.put("apps/web/base/deployment.yaml", "5");
            files.put("z", "6");
            RevCommit parent = BareRepos.seed(repository, "main", files, "seed");

            Map<String, ObjectId> blobs = new LinkedHashMap<>();
            try (ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = repository.newObjectReader()) {
                for (String path : new String[] {"apps/web/overlays/dev/kustomization.yaml", "apps/web/overlays/prod/kustomization.yaml",
                    "a/y.yaml", "a.c", "new/deep/folder/file"}) {
                    blobs.put(path, inserter.insert(Constants.OBJ_BLOB, ("new " + path).getBytes(StandardCharsets.UTF_8)));
                }
                ObjectId edited = TreeEdits.apply(reader, inserter, parent.getTree(), blobs);
                ObjectId expected = viaIndex(reader, inserter, parent.getTree(), blobs);
                inserter.flush();

                assertThat(edited).isEqualTo(expected);
            }
        }
    }

    @Test
    void keepsAnExecutableFileExecutableAndRefusesToTurnAFolderIntoAFile() throws IOException {
        try (Repository repository = BareRepos.create(temp.resolve("r.git"));
                ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = repository.newObjectReader()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
            DirCache index = DirCache.newInCore();
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit("bin/run") {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.EXECUTABLE_FILE);
                    entry.setObjectId(blob);
                }
            });
            editor.finish();
            ObjectId tree = index.writeTree(inserter);
            ObjectId changed = inserter.insert(Constants.OBJ_BLOB, "#!/bin/sh\nexit 0\n".getBytes(StandardCharsets.UTF_8));

            ObjectId edited = TreeEdits.apply(reader, inserter, tree, Map.of("bin/run", changed));

            try (org.eclipse.jgit.treewalk.TreeWalk walk = org.eclipse.jgit.treewalk.TreeWalk.forPath(reader, "bin/run", edited)) {
                assertThat(walk.getFileMode(0)).isEqualTo(FileMode.EXECUTABLE_FILE);
                assertThat(walk.getObjectId(0)).isEqualTo(changed);
            }
            assertThatThrownBy(() -> TreeEdits.apply(reader, inserter, tree, Map.of("bin", changed)))
                    .isInstanceOf(IOException.class).hasMessage("cannot write the file bin: it is a folder");
            assertThatThrownBy(() -> TreeEdits.apply(reader, inserter, tree, Map.of("bin/run/x", changed)))
                    .isInstanceOf(IOException.class).hasMessage("cannot write into bin/run/: it is a file");
        }
    }

    @Test
    void namesThatAreNotUtf8AreKeptByteForByteBesideAnEditedFile() throws IOException {
        try (Repository repository = BareRepos.create(temp.resolve("r.git"));
                ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = repository.newObjectReader()) {
            // 0xFF and 0xFE are invalid UTF-8 alone: decoded, both names read "\uFFFD.yaml" and would collide.
            byte[] latin1 = {(byte) 0xFF, '.', 'y', 'a', 'm', 'l'};
            byte[] other = {(byte) 0xFE, '.', 'y', 'a', 'm', 'l'};
            ObjectId first = inserter.insert(Constants.OBJ_BLOB, "first".getBytes(StandardCharsets.UTF_8));
            ObjectId second = inserter.insert(Constants.OBJ_BLOB, "second".getBytes(StandardCharsets.UTF_8));
            ObjectId old = inserter.insert(Constants.OBJ_BLOB, "old".getBytes(StandardCharsets.UTF_8));
            TreeFormatter folder = new TreeFormatter();
            folder.append("kustomization.yaml".getBytes(StandardCharsets.UTF_8), FileMode.REGULAR_FILE, old);
            folder.append(other, FileMode.REGULAR_FILE, second);
            folder.append(latin1, FileMode.REGULAR_FILE, first);
            TreeFormatter root = new TreeFormatter();
            root.append("dev", FileMode.TREE, inserter.insert(folder));
            ObjectId tree = inserter.insert(root);
            ObjectId changed = inserter.insert(Constants.OBJ_BLOB, "new".getBytes(StandardCharsets.UTF_8));

            ObjectId edited = TreeEdits.apply(reader, inserter, tree, Map.of("dev/kustomization.yaml", changed));

            List<String> entries = new ArrayList<>();
            try (TreeWalk walk = new TreeWalk(reader)) {
                walk.addTree(edited);
                walk.setRecursive(true);
                while (walk.next()) {
                    entries.add(HexFormat.of().formatHex(walk.getRawPath()) + " " + walk.getObjectId(0).name());
                }
            }
            assertThat(entries).containsExactly(
                    HexFormat.of().formatHex("dev/kustomization.yaml".getBytes(StandardCharsets.UTF_8)) + " " + changed.name(),
                    HexFormat.of().formatHex("dev/".getBytes(StandardCharsets.UTF_8)) + "fe2e79616d6c " + second.name(),
                    HexFormat.of().formatHex("dev/".getBytes(StandardCharsets.UTF_8)) + "ff2e79616d6c " + first.name());
        }
    }

    /** The oracle: JGit's in-memory index, as the engine built trees before. */
    private static ObjectId viaIndex(ObjectReader reader, ObjectInserter inserter, ObjectId tree, Map<String, ObjectId> blobs)
            throws IOException {
        DirCache index = DirCache.read(reader, tree);
        DirCacheEditor editor = index.editor();
        blobs.forEach((path, blob) -> editor.add(new DirCacheEditor.PathEdit(path) {
            @Override
            public void apply(DirCacheEntry entry) {
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(blob);
            }
        }));
        editor.finish();
        return index.writeTree(inserter);
    }
}
