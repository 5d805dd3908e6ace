package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.git.CommitSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that sign promotion commits: the key (a file, or an environment variable holding its text), its
 * format, and the environment variable holding its passphrase. Like every secret the command line takes, neither
 * the key nor the passphrase is ever an argument, so they stay out of process lists and shell history.
 */
final class SigningOptions {

    /** The formats {@code --sign-format} names. */
    enum Format {
        OPENPGP, SSH
    }

    @Option(names = "--sign-key", paramLabel = "FILE",
            description = "Sign the promotion commit with this private key: an OpenPGP secret key"
                    + " (gpg --export-secret-keys --armor) or an SSH private key (OpenSSH or PEM).")
    Path signKey;

    @Option(names = "--sign-key-env", paramLabel = "VAR",
            description = "Sign with the private key held in this environment variable, instead of --sign-key.")
    String signKeyEnv;

    @Option(names = "--sign-format", paramLabel = "FORMAT",
            description = "openpgp or ssh (default: from the key's first line).")
    String signFormat;

    @Option(names = "--sign-passphrase-env", paramLabel = "VAR",
            description = "Environment variable holding the signing key's passphrase.")
    String signPassphraseEnv;

    /**
     * The signer the options name, or null for unsigned commits.
     *
     * @throws ParameterException if the options are inconsistent, or the key cannot be read or unlocked
     */
    CommitSigner signer(CommandSpec spec) throws IOException {
        if (signKey != null && signKeyEnv != null) {
            throw new ParameterException(spec.commandLine(), "give --sign-key or --sign-key-env, not both");
        }
        if (signKey == null && signKeyEnv == null) {
            if (signFormat != null || signPassphraseEnv != null) {
                throw new ParameterException(spec.commandLine(), (signFormat != null ? "--sign-format" : "--sign-passphrase-env")
                        + " goes with --sign-key or --sign-key-env, and neither is given");
            }
            return null;
        }
        String source = signKey != null ? "--sign-key " + signKey : "--sign-key-env " + signKeyEnv;
        String keyText = signKey != null ? readKeyFile(spec) : environment(spec, signKeyEnv, "--sign-key-env");
        Format format = format(spec, keyText, source);
        Optional<char[]> passphrase = Optional.ofNullable(signPassphraseEnv)
                .map(variable -> environment(spec, variable, "--sign-passphrase-env").toCharArray());
        try {
            return format == Format.OPENPGP ? CommitSigner.openPgp(keyText, passphrase) : CommitSigner.ssh(keyText, passphrase);
        } catch (IllegalArgumentException e) {
            // The signers' messages never quote the key or the passphrase.
            throw new ParameterException(spec.commandLine(), source + ": " + e.getMessage()
                    + (e.getMessage().contains("none was given") ? " (--sign-passphrase-env VAR)" : ""));
        } finally {
            passphrase.ifPresent(p -> Arrays.fill(p, '\0'));
        }
    }

    private String readKeyFile(CommandSpec spec) throws IOException {
        if (!Files.isRegularFile(signKey) || !Files.isReadable(signKey)) {
            throw new ParameterException(spec.commandLine(), "--sign-key " + signKey + " cannot be read");
        }
        return Files.readString(signKey, StandardCharsets.UTF_8);
    }

    /** The format named, or the one the key's armor line tells. */
    private Format format(CommandSpec spec, String keyText, String source) {
        if (signFormat != null) {
            try {
                return Format.valueOf(signFormat.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--sign-format " + signFormat + ": use openpgp or ssh");
            }
        }
        // Any PGP armor, a public key block too: the OpenPGP signer then says what is wrong with it.
        if (keyText.contains("-----BEGIN PGP ")) {
            return Format.OPENPGP;
        }
        if (keyText.contains("-----BEGIN OPENSSH PRIVATE KEY-----") || keyText.contains(" PRIVATE KEY-----")) {
            return Format.SSH;
        }
        throw new ParameterException(spec.commandLine(), source + ": not an armored OpenPGP secret key nor an SSH private key;"
                + " say which with --sign-format openpgp|ssh");
    }

    private static String environment(CommandSpec spec, String variable, String option) {
        String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            throw new ParameterException(spec.commandLine(), option + ": the environment variable " + variable + " is not set");
        }
        return value;
    }
}
