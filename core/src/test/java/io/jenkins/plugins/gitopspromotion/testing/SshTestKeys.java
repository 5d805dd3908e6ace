package io.jenkins.plugins.gitopspromotion.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** SSH key pairs made by the real {@code ssh-keygen}, as users make them. */
public final class SshTestKeys {

    /** The comment, and the principal allowed signers files name the test keys by. */
    public static final String EMAIL = "promotion-bot@example.invalid";

    private SshTestKeys() {
    }

    /**
     * A key pair as text.
     *
     * @param privateKey the private key file's text (OpenSSH format)
     * @param publicKey the public key line, {@code TYPE BASE64 COMMENT}
     */
    public record KeyPair(String privateKey, String publicKey) {
    }

    /** Whether {@code ssh-keygen} is installed (Debian package {@code openssh-client}). */
    public static boolean sshKeygenInstalled() {
        return Programs.installed("ssh-keygen");
    }

    /**
     * Makes a key with {@code ssh-keygen -t type} in {@code dir} (never {@code ~/.ssh}).
     *
     * @param passphrase protects the private key; empty for none
     */
    public static KeyPair generate(Path dir, String type, String passphrase) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("id_" + type);
        Programs.runOk(Map.of(), List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", EMAIL, "-f", file.toString()));
        return new KeyPair(Files.readString(file), Files.readString(dir.resolve("id_" + type + ".pub")).strip());
    }

    /**
     * Writes an allowed signers file for git's {@code gpg.ssh.allowedSignersFile}: each key, allowed to sign
     * as {@link #EMAIL} in the {@code git} namespace.
     */
    public static Path allowedSigners(Path file, KeyPair... keys) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (KeyPair key : keys) {
            String[] parts = key.publicKey().split(" ");
            lines.append(EMAIL).append(" namespaces=\"git\" ").append(parts[0]).append(' ').append(parts[1]).append('\n');
        }
        return Files.writeString(file, lines.toString());
    }
}
