package io.jenkins.plugins.gitopspromotion.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders and files only their owner can read, with the permissions set as they are created (a file never
 * exists, even for a moment, with wider ones). Where POSIX permissions do not exist (Windows) a temporary
 * folder is already private to its user.
 */
public final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** A new temporary folder readable only by its owner, in {@code parent} (or the system's when null). */
    public static Path directory(Path parent, String prefix) throws IOException {
        FileAttribute<?>[] attributes = attributes("rwx------");
        return parent == null ? Files.createTempDirectory(prefix, attributes) : Files.createTempDirectory(parent, prefix, attributes);
    }

    /** A new folder readable only by its owner. */
    public static Path createDirectory(Path directory) throws IOException {
        return Files.createDirectory(directory, attributes("rwx------"));
    }

    /** A folder and its missing parents, each one made readable only by its owner; existing ones are left as they are. */
    public static Path createDirectories(Path directory) throws IOException {
        return Files.createDirectories(directory, attributes("rwx------"));
    }

    /**
     * Makes an existing folder of this user's readable only by its owner, if it is not already: a folder made before
     * this rule (or by a tool that does not follow it) stops exposing what it holds.
     */
    public static void restrict(Path directory) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(directory).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(directory, OWNER_ONLY);
        }
    }

    /** The attributes of a file only its owner can read and write. */
    public static FileAttribute<?>[] fileAttributes() {
        return attributes("rw-------");
    }

    private static FileAttribute<?>[] attributes(String permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
