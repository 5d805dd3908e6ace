package io.jenkins.plugins.gitopspromotion.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real {@code git verify-commit}, run on a repository folder with an isolated configuration: neither the
 * user's nor the system's git config takes part, so that only what a test names decides.
 */
public final class GitVerifyCommit {

    private GitVerifyCommit() {
    }

    /** Whether {@code git} is installed. */
    public static boolean gitInstalled() {
        return Programs.installed("git");
    }

    /** Verifies an OpenPGP-signed commit with the keys of {@code gnupg}. */
    public static Programs.Result openPgp(Path gitDir, String commit, GnupgHome gnupg) throws IOException {
        return run(gitDir, gnupg.environment(), List.of("verify-commit", commit));
    }

    /** Verifies an SSH-signed commit against an allowed signers file, as {@code gpg.format=ssh} does. */
    public static Programs.Result ssh(Path gitDir, String commit, Path allowedSigners) throws IOException {
        return run(gitDir, Map.of(), List.of("-c", "gpg.format=ssh", "-c", "gpg.ssh.allowedSignersFile=" + allowedSigners,
                "verify-commit", commit));
    }

    /** {@code git cat-file commit}: the commit object's text, with its {@code gpgsig} header. */
    public static String catFile(Path gitDir, String commit) throws IOException {
        return Programs.runOk(isolated(), List.of("git", "-C", gitDir.toString(), "cat-file", "commit", commit));
    }

    private static Programs.Result run(Path gitDir, Map<String, String> environment, List<String> args) throws IOException {
        Map<String, String> env = isolated();
        env.putAll(environment);
        List<String> command = new ArrayList<>(List.of("git", "-C", gitDir.toString()));
        command.addAll(args);
        return Programs.run(env, command);
    }

    private static Map<String, String> isolated() {
        Map<String, String> env = new HashMap<>();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        return env;
    }
}
