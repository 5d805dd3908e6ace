package io.jenkins.plugins.gitopspromotion.build;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Folders and files only their owner can read, with the permissions set as they are created (a file never
 * exists, even for a moment, with wider ones). Where POSIX permissions do not exist (Windows) a temporary
 * folder is already private to its user.
 */
final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** A new temporary folder readable only by its owner, in {@code parent} (or the system's when null). */
    static Path directory(Path parent, String prefix) throws IOException {
        FileAttribute<?>[] attributes = attributes("rwx------");
        return parent == null ? Files.createTempDirectory(prefix, attributes) : Files.createTempDirectory(parent, prefix, attributes);
    }

    /** A new folder readable only by its owner. */
    static Path createDirectory(Path directory) throws IOException {
        return Files.createDirectory(directory, attributes("rwx------"));
    }

    /** The attributes of a file only its owner can read and write. */
    static FileAttribute<?>[] fileAttributes() {
        return attributes("rw-------");
    }

    private static FileAttribute<?>[] attributes(String permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
