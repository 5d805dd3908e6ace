package io.jenkins.plugins.gitopspromotion.config;

import io.jenkins.plugins.gitopspromotion.update.UpdateKind;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how one app's image is written in one environment.
 *
 * @param directory the folder, relative to the repository root, e.g. {@code apps/web/overlays/dev}
 * @param file the file to edit, relative to {@code directory}; empty means every {@code *.yaml} and
 *     {@code *.yml} file directly in the folder
 * @param kind how the image is written
 */
public record Target(String directory, Optional<String> file, UpdateKind kind) {

    /** Checks the parts are present. */
    public Target {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
    }

    /** The file's path from the repository root, when a single file is edited. */
    public Optional<String> filePath() {
        return file.map(f -> directory + "/" + f);
    }

    /** The file, or the folder followed by {@code /*.yaml}, for messages. */
    @Override
    public String toString() {
        return filePath().orElse(directory + "/*.yaml") + " (" + kind.configName() + ")";
    }
}
