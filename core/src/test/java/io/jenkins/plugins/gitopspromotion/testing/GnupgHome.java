package io.jenkins.plugins.gitopspromotion.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A throwaway GnuPG home for the real {@code gpg}: keys are imported into it, {@code git verify-commit} checks
 * signatures against it, and the user's own {@code ~/.gnupg} is never read or changed. Closing it stops the
 * {@code gpg-agent} gpg may have started for this home, and only that one.
 */
public final class GnupgHome implements AutoCloseable {

    private final Path home;

    private GnupgHome(Path home) {
        this.home = home;
    }

    /** Whether {@code gpg} is installed (Debian package {@code gnupg}). */
    public static boolean gpgInstalled() {
        return Programs.installed("gpg");
    }

    /**
     * Creates an empty GnuPG home in {@code dir} (kept short: gpg-agent's socket path must fit in 108 bytes).
     *
     * @throws IOException if it cannot be created
     */
    public static GnupgHome create(Path dir) throws IOException {
        Files.createDirectories(dir);
        // gpg warns about, and may refuse, a home others can read.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        return new GnupgHome(dir);
    }

    /** The folder. */
    public Path path() {
        return home;
    }

    /** The environment gpg, and git calling gpg, run with to use this home. */
    public Map<String, String> environment() {
        return Map.of("GNUPGHOME", home.toString());
    }

    /**
     * Imports keys (public or secret, armored) and trusts them ultimately, as the owner of a key would, so that
     * verification reports the signer without a trust warning.
     *
     * @return gpg's output
     */
    public String importKey(String armored) throws IOException {
        Path file = Files.createTempFile(home, "import", ".asc");
        try {
            Files.writeString(file, armored);
            String output = gpg("--import", file.toString());
            for (String line : gpg("--with-colons", "--list-keys").lines().toList()) {
                if (line.startsWith("fpr:")) {
                    Files.writeString(file, line.split(":")[9] + ":6:\n");
                    gpg("--import-ownertrust", file.toString());
                }
            }
            return output;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Runs {@code gpg --batch} with this home and the arguments; fails unless it exits 0. */
    public String gpg(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--no-tty", "--homedir", home.toString()));
        command.addAll(List.of(args));
        return Programs.runOk(environment(), command);
    }

    /** Stops the agent and other daemons of this home, if gpg started any. */
    @Override
    public void close() throws IOException {
        if (Programs.installed("gpgconf")) {
            Programs.run(environment(), List.of("gpgconf", "--kill", "all"));
        }
    }
}
