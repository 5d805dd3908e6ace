package io.jenkins.plugins.gitopspromotion.promotion;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The part of a mirror cache a set of credentials may use, where several users of one machine share it (builds of
 * different jobs on one Jenkins agent): a mirror holds what its credentials could read, so content fetched with one
 * job's credentials must not be served to a job holding other credentials. Without credentials (public repositories)
 * the whole cache is shared; with them, the folder is named by a keyed hash of the credentials (HMAC-SHA256 with a
 * random key kept in the cache, readable only by its owner), which tells nothing about them.
 */
public final class MirrorPartition {

    /** The key's file in the cache root. */
    static final String KEY_FILE = ".partition-key";

    private MirrorPartition() {
    }

    /**
     * The folder under {@code root} for mirrors read with {@code credentials}: {@code root} itself without credentials.
     *
     * @throws IOException if the key cannot be read or made
     */
    public static Path of(Path root, AccessCredentials credentials) throws IOException {
        if (credentials.isNone()) {
            return root;
        }
        return root.resolve("credentials-" + HexFormat.of().formatHex(credentials.fingerprint(key(root))).substring(0, 32));
    }

    /** The cache's key: made once, at random, readable only by its owner. */
    private static byte[] key(Path root) throws IOException {
        Path file = root.resolve(KEY_FILE);
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(root);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    ownerOnly())) {
                channel.write(ByteBuffer.wrap(key));
                return key;
            } catch (FileAlreadyExistsException e) {
                // another process made it first: use theirs
            }
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != 32) {
            throw new IOException("the mirror cache's key " + file + " is damaged: delete it, and the mirrors beside it are made anew");
        }
        return key;
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
