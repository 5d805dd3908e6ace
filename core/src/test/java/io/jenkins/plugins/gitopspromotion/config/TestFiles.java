package io.jenkins.plugins.gitopspromotion.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes files of a config repository laid out in a test's temporary folder. */
public final class TestFiles {

    private TestFiles() {
    }

    /** Writes {@code content} to {@code path} under {@code root}, creating folders as needed. */
    public static void write(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
