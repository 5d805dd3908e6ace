package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.HostKeyPolicy;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.NetworkSettings;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options every command that talks to a config repository shares: where it is, its base branch, the
 * mirror cache, and credentials. Secrets are read from an environment variable or a file named on the command
 * line, never taken as an argument, so that they stay out of process lists and shell history.
 */
final class RepositoryOptions {

    @Option(names = "--repo", required = true, paramLabel = "URL|PATH",
            description = "The config repository: an https, ssh, git or file URL, or a local path.")
    String repo;

    @Option(names = "--base", defaultValue = "main", paramLabel = "BRANCH",
            description = "The branch the environments' desired state lives on (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where mirrors of config repositories are kept (default: $XDG_CACHE_HOME or ~/.cache, /gitops-promotion/mirrors).")
    Path cacheDir;

    @Option(names = "--username", defaultValue = "git", paramLabel = "NAME",
            description = "User name going with the token over HTTPS (default: ${DEFAULT-VALUE}; GitLab: oauth2, Bitbucket Cloud: x-token-auth).")
    String username;

    @Option(names = "--token-env", paramLabel = "VAR", description = "Environment variable holding a password or access token for HTTPS.")
    String tokenEnv;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding a password or access token for HTTPS.")
    Path tokenFile;

    @Option(names = "--ssh-key", paramLabel = "FILE", description = "SSH private key file (OpenSSH or PEM).")
    Path sshKey;

    @Option(names = "--ssh-passphrase-env", paramLabel = "VAR", description = "Environment variable holding the SSH key's passphrase.")
    String sshPassphraseEnv;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "Known hosts file vouching for the SSH server (default: ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS", converter = SecondsConverter.class,
            description = "Network timeout, in seconds or as 2m (default: ${DEFAULT-VALUE}s; wait: how long to wait, default 30m).")
    int timeoutSeconds;

    /** The repository's location. */
    RepositoryLocation location(CommandSpec spec) {
        try {
            return RepositoryLocation.parse(repo);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--repo: " + e.getMessage());
        }
    }

    /**
     * The mirror cache, trusting the SSH servers {@code --known-hosts} (or the user's own file) lists, and reaching hosts
     * over HTTP(S) through the proxy the environment names ({@link EnvironmentProxy}).
     */
    MirrorCache cache(CommandSpec spec) {
        HostKeyPolicy hostKeys = knownHosts != null ? HostKeyPolicy.knownHostsFile(knownHosts) : HostKeyPolicy.usersKnownHosts();
        try {
            return new MirrorCache(cacheDir != null ? cacheDir : MirrorCache.defaultRoot(), timeoutSeconds,
                    NetworkSettings.of(hostKeys, EnvironmentProxy.of(System.getenv())));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The credentials for Git the options name: the SSH key if given, else the token, else none. */
    GitAuth auth(CommandSpec spec) throws IOException {
        if (sshKey != null) {
            Optional<char[]> passphrase = Optional.ofNullable(sshPassphraseEnv).map(v -> secretFromEnv(spec, v, "--ssh-passphrase-env"));
            try {
                return GitAuth.sshKey(Files.readString(sshKey, StandardCharsets.UTF_8), passphrase);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--ssh-key " + sshKey + ": " + e.getMessage());
            }
        }
        return token(spec).map(t -> GitAuth.password(username, t)).orElse(GitAuth.none());
    }

    /** The password or access token from {@code --token-env} or {@code --token-file}, if given. */
    Optional<char[]> token(CommandSpec spec) throws IOException {
        if (tokenEnv != null && tokenFile != null) {
            throw new ParameterException(spec.commandLine(), "give --token-env or --token-file, not both");
        }
        if (tokenEnv != null) {
            return Optional.of(secretFromEnv(spec, tokenEnv, "--token-env"));
        }
        if (tokenFile != null) {
            if (!Files.isReadable(tokenFile)) {
                throw new ParameterException(spec.commandLine(), "--token-file " + tokenFile + " cannot be read");
            }
            return Optional.of(Files.readString(tokenFile, StandardCharsets.UTF_8).strip().toCharArray());
        }
        return Optional.empty();
    }

    /** A secret from an environment variable an option names; a usage error naming both when it is not set. */
    static char[] secretFromEnv(CommandSpec spec, String variable, String option) {
        String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            throw new ParameterException(spec.commandLine(), option + ": the environment variable " + variable + " is not set");
        }
        return value.toCharArray();
    }
}
