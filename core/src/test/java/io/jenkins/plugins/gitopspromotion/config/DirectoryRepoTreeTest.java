package io.jenkins.plugins.gitopspromotion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryRepoTreeTest {

    @TempDir
    Path root;

    private void write(String path, String content) throws IOException {
        TestFiles.write(root, path, content);
    }

    @Test
    void listsEveryFileSortedAndRelative() throws IOException {
        write("b.yaml", "b");
        write("apps/web/overlays/dev/kustomization.yaml", "k");
        write("apps/web/base/deployment.yaml", "d");
        Files.createDirectories(root.resolve("empty/folder"));

        assertThat(new DirectoryRepoTree(root).files()).containsExactly(
                "apps/web/base/deployment.yaml", "apps/web/overlays/dev/kustomization.yaml", "b.yaml");
    }

    @Test
    void readsFiles() throws IOException {
        write("apps/web/overlays/dev/kustomization.yaml", "images: []\n");
        DirectoryRepoTree tree = new DirectoryRepoTree(root);

        assertThat(tree.read("apps/web/overlays/dev/kustomization.yaml"))
                .hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("images: []\n"));
        assertThat(tree.read("apps/web/overlays/prod/kustomization.yaml")).isEmpty();
        assertThat(tree.read("apps/web")).as("a folder is not a file").isEmpty();
        assertThat(tree.describe()).isEqualTo("folder " + root.toAbsolutePath().normalize());
    }

    @Test
    void skipsGit() throws IOException {
        write(".git/config", "[core]");
        write(".git/objects/ab/cdef", "x");
        write("vendor/lib/.git", "gitdir: ../../.git/modules/lib");
        write("vendor/lib/a.yaml", "a");
        write(".gitops/promotion.yaml", "environments: []");
        DirectoryRepoTree tree = new DirectoryRepoTree(root);

        assertThat(tree.files()).containsExactly(".gitops/promotion.yaml", "vendor/lib/a.yaml");
        assertThat(tree.read(".git/config")).isEmpty();
        assertThat(tree.read("vendor/lib/.git")).isEmpty();
    }

    @Test
    void doesNotEscapeTheRootThroughASymlink(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.yaml"), "password: hunter2\n");
        Files.createDirectories(outside.resolve("dir"));
        Files.writeString(outside.resolve("dir/other.yaml"), "x: 1\n");
        write("apps/real.yaml", "inside: true\n");
        Files.createSymbolicLink(root.resolve("apps/leak.yaml"), outside.resolve("secret.yaml"));
        Files.createSymbolicLink(root.resolve("outside-dir"), outside.resolve("dir"));
        Files.createSymbolicLink(root.resolve("apps/alias.yaml"), root.resolve("apps/real.yaml"));
        Files.createSymbolicLink(root.resolve("apps/dangling.yaml"), root.resolve("nowhere.yaml"));
        DirectoryRepoTree tree = new DirectoryRepoTree(root);

        assertThat(tree.files()).containsExactly("apps/alias.yaml", "apps/real.yaml");
        assertThat(tree.read("apps/leak.yaml")).isEmpty();
        assertThat(tree.read("outside-dir/other.yaml")).isEmpty();
        assertThat(tree.read("apps/dangling.yaml")).isEmpty();
        assertThat(tree.read("apps/alias.yaml"))
                .hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("inside: true\n"));
    }

    @Test
    void refusesPathsThatAreNotPlainRelativePaths() throws IOException {
        write("a.yaml", "a");
        DirectoryRepoTree tree = new DirectoryRepoTree(root);

        for (String bad : new String[] {"../a.yaml", "/etc/passwd", "x/../../a.yaml", "a\\b", "C:/x", "", "a//b", "./a.yaml"}) {
            assertThatThrownBy(() -> tree.read(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not a relative path in the repository: ");
        }
    }

    @Test
    void refusesAMissingRoot() {
        assertThatThrownBy(() -> new DirectoryRepoTree(root.resolve("missing"))).isInstanceOf(IOException.class);
    }
}
