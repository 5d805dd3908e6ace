package io.jenkins.plugins.gitopspromotion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a checkout, anything but a regular file at {@code .gitops/promotion.yaml} (and anything but a folder at
 * {@code .gitops}) is refused by name: read as "no config", it would let discovery take over and drop every
 * {@code requires} and {@code pinDigest}. (The same entries in Git, promoted into, are in the bad-input corpus.)
 */
class ConfigPathEntryTest {

    @TempDir
    Path dir;

    /** A layout discovery would find, so that an ignored config would go unnoticed. */
    @BeforeEach
    void discoverableLayout() throws IOException {
        for (String env : List.of("dev", "prod")) {
            TestFiles.write(dir, "apps/web/overlays/" + env + "/kustomization.yaml",
                    "resources: [../../base]\nimages:\n- name: ghcr.io/acme/web\n  newTag: '1.0'\n");
        }
        TestFiles.write(dir, "elsewhere/promotion.yaml", "environments:\n- name: dev\n  path: apps/{app}/overlays/dev\n"
                + "apps:\n- name: web\n  image: ghcr.io/acme/web\n");
    }

    @Test
    void aSymbolicLinkAtTheConfigPathIsRefused() throws IOException {
        Files.createDirectories(dir.resolve(".gitops"));
        Files.createSymbolicLink(dir.resolve(".gitops/promotion.yaml"), Path.of("../elsewhere/promotion.yaml"));

        assertThatThrownBy(() -> ConfigLoader.load(new DirectoryRepoTree(dir))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".gitops/promotion.yaml: is a symbolic link in folder " + dir)
                .hasMessageContaining("it must be a regular file, or the promotion config would be ignored");
    }

    @Test
    void aFolderAtTheConfigPathIsRefused() throws IOException {
        Files.createDirectories(dir.resolve(".gitops/promotion.yaml"));

        assertThatThrownBy(() -> ConfigLoader.load(new DirectoryRepoTree(dir))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".gitops/promotion.yaml: is a folder in folder " + dir);
    }

    @Test
    void aSubmoduleCheckoutAtTheConfigPathIsRefused() throws IOException {
        Files.createDirectories(dir.resolve(".gitops/promotion.yaml"));
        Files.writeString(dir.resolve(".gitops/promotion.yaml/.git"), "gitdir: ../../.git/modules/promotion.yaml\n");

        assertThatThrownBy(() -> ConfigLoader.load(new DirectoryRepoTree(dir))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".gitops/promotion.yaml: is a submodule in folder " + dir);
    }

    @Test
    void aConfigFolderThatIsALinkIsRefused() throws IOException {
        Files.createSymbolicLink(dir.resolve(".gitops"), Path.of("elsewhere"));

        assertThatThrownBy(() -> ConfigLoader.load(new DirectoryRepoTree(dir))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".gitops: is a symbolic link in folder " + dir)
                .hasMessageContaining("it must be a folder");
    }

    @Test
    void aRegularFileIsRead() throws IOException {
        Files.createDirectories(dir.resolve(".gitops"));
        Files.copy(dir.resolve("elsewhere/promotion.yaml"), dir.resolve(".gitops/promotion.yaml"));

        assertThat(ConfigLoader.load(new DirectoryRepoTree(dir)).source()).isEqualTo(ConfigLoader.CONFIG_PATH);
    }
}
