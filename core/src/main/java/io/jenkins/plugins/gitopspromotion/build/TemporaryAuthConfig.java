package io.jenkins.plugins.gitopspromotion.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A docker config file ({@code DIR/config.json}) in a build's private folder, created with owner-only permissions
 * from the start (never widened and narrowed after); it goes when the folder is closed. Builders find it by path:
 * {@code REGISTRY_AUTH_FILE} (buildah, podman) or {@code DOCKER_CONFIG} (docker, kaniko), so no credential is ever
 * on a command line.
 */
public final class TemporaryAuthConfig {

    /** Where in a build's folder the config goes. */
    static final String FILE = "registry-auth/config.json";

    private final Path directory;
    private final Path file;

    private TemporaryAuthConfig(Path directory, Path file) {
        this.directory = directory;
        this.file = file;
    }

    /** Writes {@code auth}'s docker config into {@code folder}. */
    public static TemporaryAuthConfig write(RegistryAuth auth, ScratchFolder folder) throws IOException {
        byte[] json = auth.configJson();
        try {
            Path file = folder.createPrivateFile(FILE, json);
            return new TemporaryAuthConfig(file.getParent(), file);
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    /** The folder holding {@code config.json}: the value for {@code DOCKER_CONFIG}. */
    public Path directory() {
        return directory;
    }

    /** The file itself: the value for {@code REGISTRY_AUTH_FILE}. */
    public Path file() {
        return file;
    }
}
