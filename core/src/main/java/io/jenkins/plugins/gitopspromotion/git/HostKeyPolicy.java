package io.jenkins.plugins.gitopspromotion.git;

import io.jenkins.plugins.gitopspromotion.files.PrivateFiles;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase.Configuration.StrictHostKeyChecking;

/**
 * Which SSH servers a Git connection trusts, by their host keys: those a known hosts file lists (the connecting user's
 * {@code ~/.ssh/known_hosts}, or a given file), those in a list of approved keys, any server on its first connection
 * with its key then recorded and held to (OpenSSH's {@code StrictHostKeyChecking accept-new}), or any server at all.
 * The user's {@code ~/.ssh/config} cannot weaken it. Known hosts files are read as OpenSSH reads them, by JGit's own
 * database (hashed names, {@code @revoked} markers).
 *
 * <p>Plain, serializable data, so that a front end can decide it where it is configured and hand it to the machine
 * that connects (a Jenkins controller to its agents): files are found on that machine. What the policy writes (the
 * keys accepted on first connection, the approved keys as a file for JGit to read) goes into a folder only its owner
 * can use: {@link #keptIn(Path)}, by default {@code host-keys} beside the default mirror cache.
 */
public final class HostKeyPolicy implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The file in the policy's folder that keys accepted on first connection are recorded in. */
    static final String RECORD_FILE = "known_hosts";

    private enum Kind { KNOWN_HOSTS, APPROVED_KEYS, ACCEPT_NEW, OFF }

    private final Kind kind;
    /** The known hosts file of {@link Kind#KNOWN_HOSTS}; null for the connecting user's own. */
    private final String knownHostsFile;
    /** The known_hosts lines of {@link Kind#APPROVED_KEYS}. */
    private final String approvedKeys;
    /** Where the policy writes; null for the default, found on the connecting machine. */
    private final String folder;
    /** A system property that, set on the connecting machine, names the user's known hosts file; null for none. */
    private final String usersFileProperty;

    private HostKeyPolicy(Kind kind, String knownHostsFile, String approvedKeys, String folder, String usersFileProperty) {
        this.kind = kind;
        this.knownHostsFile = knownHostsFile;
        this.approvedKeys = approvedKeys;
        this.folder = folder;
        this.usersFileProperty = usersFileProperty;
    }

    private HostKeyPolicy(Kind kind, String knownHostsFile, String approvedKeys) {
        this(kind, knownHostsFile, approvedKeys, null, null);
    }

    /** Servers listed in the connecting user's {@code ~/.ssh/known_hosts} (and {@code known_hosts2}), nothing else. */
    public static HostKeyPolicy usersKnownHosts() {
        return new HostKeyPolicy(Kind.KNOWN_HOSTS, null, null);
    }

    /** Servers listed in a known hosts file (on the connecting machine), nothing else. */
    public static HostKeyPolicy knownHostsFile(Path file) {
        return new HostKeyPolicy(Kind.KNOWN_HOSTS, file.toAbsolutePath().toString(), null);
    }

    /**
     * Servers whose keys are given, in {@code known_hosts} form ({@code github.com ssh-ed25519 AAAA…}, one per line),
     * nothing else. The lines are checked when a connection needs them.
     */
    public static HostKeyPolicy approvedKeys(String knownHostsLines) {
        return new HostKeyPolicy(Kind.APPROVED_KEYS, null, Objects.requireNonNull(knownHostsLines, "knownHostsLines"));
    }

    /**
     * Any server on its first connection, its key recorded ({@code known_hosts} in {@link #keptIn(Path) the folder}); from
     * then on only that key. Servers the connecting user's {@code ~/.ssh/known_hosts} lists are held to the keys listed
     * there.
     */
    public static HostKeyPolicy acceptNew() {
        return new HostKeyPolicy(Kind.ACCEPT_NEW, null, null);
    }

    /** Any server, whatever its key: no protection against a server pretending to be another. */
    public static HostKeyPolicy off() {
        return new HostKeyPolicy(Kind.OFF, null, null);
    }

    /** The same policy, writing into {@code folder} (created only its owner may use) on the connecting machine. */
    public HostKeyPolicy keptIn(Path folder) {
        return new HostKeyPolicy(kind, knownHostsFile, approvedKeys, folder.toAbsolutePath().toString(), usersFileProperty);
    }

    /**
     * The same policy, taking the user's known hosts file from the system property {@code property} where it is set on
     * the connecting machine (instead of {@code ~/.ssh/known_hosts} and {@code known_hosts2}): git-client's JGit reads
     * its known hosts so, and a Jenkins administrator who set it expects every JGit connection to.
     */
    public HostKeyPolicy usersFileFrom(String property) {
        return new HostKeyPolicy(kind, knownHostsFile, approvedKeys, folder, Objects.requireNonNull(property, "property"));
    }

    /** The folder the policy writes into. */
    Path folder() {
        return folder != null ? Path.of(folder) : MirrorCache.defaultRoot().resolveSibling("host-keys");
    }

    /**
     * The database JGit asks about each server's key, on this machine.
     *
     * @throws IOException if the policy's folder cannot be made, or the approved keys are not {@code known_hosts} lines
     */
    ServerKeyDatabase database() throws IOException {
        return switch (kind) {
            case OFF -> new HostKeyCheck(this, null, StrictHostKeyChecking.ACCEPT_ANY);
            case KNOWN_HOSTS -> new HostKeyCheck(this, knownHostsFile == null ? usersFiles() : List.of(Path.of(knownHostsFile)),
                    StrictHostKeyChecking.REQUIRE_MATCH);
            case APPROVED_KEYS -> new HostKeyCheck(this, List.of(approvedKeysFile()), StrictHostKeyChecking.REQUIRE_MATCH);
            case ACCEPT_NEW -> {
                Path record = privateFolder().resolve(RECORD_FILE);
                // The recording file first: JGit adds a new key to the first file it reads.
                yield new HostKeyCheck(this, concat(record, usersFiles()), StrictHostKeyChecking.ACCEPT_NEW);
            }
        };
    }

    private List<Path> usersFiles() {
        String named = usersFileProperty == null ? null : System.getProperty(usersFileProperty);
        if (named != null && !named.isBlank()) {
            return List.of(Path.of(named));
        }
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        return List.of(ssh.resolve("known_hosts"), ssh.resolve("known_hosts2"));
    }

    private static List<Path> concat(Path first, List<Path> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }

    private Path privateFolder() throws IOException {
        Path dir = folder();
        PrivateFiles.createDirectories(dir);
        // The folder, not the file, keeps the keys to its owner: JGit replaces the file to add a key.
        PrivateFiles.restrict(dir);
        return dir;
    }

    /**
     * The approved keys as a file for JGit to read, named by its content so that a changed list is a new file and two
     * connections never write one file with different content.
     */
    private Path approvedKeysFile() throws IOException {
        check(approvedKeys);
        byte[] content = (approvedKeys.strip() + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = privateFolder().resolve("approved_known_hosts-" + HexFormat.of().formatHex(sha256(content)).substring(0, 16));
        if (!Files.isRegularFile(file)) {
            Path temp = Files.createTempFile(file.getParent(), "approved", ".tmp", PrivateFiles.fileAttributes());
            try {
                Files.write(temp, content);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return file;
    }

    /** Refuses approved keys that hold no key, or a line that is not a {@code known_hosts} line. */
    private static void check(String lines) throws IOException {
        int keys = 0;
        List<String> all = lines.lines().toList();
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                KnownHostEntry entry = KnownHostEntry.parseKnownHostEntry(line);
                entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
                keys++;
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                String host = line.split("\\s+", 2)[0];
                throw new IOException("line " + (i + 1) + " of the approved SSH host keys (" + host + " …) is not a known_hosts"
                        + " line such as 'github.com ssh-ed25519 AAAA…': " + e.getMessage());
            }
        }
        if (keys == 0) {
            throw new IOException("the approved SSH host keys hold no key: give known_hosts lines such as"
                    + " 'github.com ssh-ed25519 AAAA…'");
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** Where a refused server can be added, for messages. */
    String where() {
        return switch (kind) {
            case KNOWN_HOSTS -> knownHostsFile == null ? usersFile() : "the known hosts file " + knownHostsFile;
            case APPROVED_KEYS -> "the approved host keys";
            case ACCEPT_NEW -> "the keys recorded on first connection in " + folder().resolve(RECORD_FILE)
                    + " (and " + usersFile().replaceFirst("^the known hosts file ", "") + ")";
            case OFF -> "nothing (no verification)";
        };
    }

    /** The user's known hosts file in words, for messages. */
    private String usersFile() {
        List<Path> files = usersFiles();
        return files.size() == 1 ? "the known hosts file " + files.get(0)
                : "the known hosts file ~/.ssh/known_hosts of the user running this";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostKeyPolicy that && kind == that.kind && Objects.equals(knownHostsFile, that.knownHostsFile)
                && Objects.equals(approvedKeys, that.approvedKeys) && Objects.equals(folder, that.folder)
                && Objects.equals(usersFileProperty, that.usersFileProperty);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, knownHostsFile, approvedKeys, folder, usersFileProperty);
    }

    /** The policy, in words. */
    @Override
    public String toString() {
        return switch (kind) {
            case KNOWN_HOSTS -> "host keys from " + where();
            case APPROVED_KEYS -> "approved host keys only";
            case ACCEPT_NEW -> "host keys accepted on first connection, recorded in " + folder().resolve(RECORD_FILE);
            case OFF -> "no host key verification";
        };
    }
}
