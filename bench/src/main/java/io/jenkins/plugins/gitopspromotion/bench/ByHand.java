package io.jenkins.plugins.gitopspromotion.bench;

import io.jenkins.plugins.gitopspromotion.testing.SyntheticConfigRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two baselines, done with the real {@code git} and {@code sed} the way a Jenkinsfile does them by hand:
 * naive (a shallow clone of everything) and expert (a shallow, blobless, sparse clone of just the one folder).
 * Each runs in a fresh folder, as a clean workspace would.
 */
final class ByHand {

    private ByHand() {
    }

    /** {@code git clone --depth 1}, {@code sed -i}, {@code git commit}, {@code git push}. */
    static void naive(Target target, Path workspace, String app, String env, String tag) throws IOException {
        clone(target, workspace, List.of());
        editCommitPush(target, workspace.resolve("repo"), app, env, tag);
    }

    /**
     * {@code git clone --depth 1 --filter=blob:none --sparse}, {@code git sparse-checkout set} (cone mode) of the
     * overlay's folder, {@code sed -i}, {@code git commit}, {@code git push}.
     */
    static void expert(Target target, Path workspace, String app, String env, String tag) throws IOException {
        String output = clone(target, workspace, List.of("--filter=blob:none", "--sparse"));
        if (output.contains("filtering not recognized")) {
            throw new IllegalStateException("the server ignored --filter=blob:none, so the expert baseline would not be"
                    + " blobless: " + output.strip());
        }
        Path repo = workspace.resolve("repo");
        git(target, repo, "sparse-checkout", "set", "apps/" + app + "/overlays/" + env);
        editCommitPush(target, repo, app, env, tag);
    }

    /** Clones into {@code workspace/repo}; returns what {@code git} printed. */
    private static String clone(Target target, Path workspace, List<String> options) throws IOException {
        Files.createDirectories(workspace);
        List<String> command = new ArrayList<>(List.of("clone", "-q", "--depth", "1", "--branch", "main"));
        command.addAll(options);
        command.add(target.url());
        command.add("repo");
        return git(target, workspace, command.toArray(String[]::new));
    }

    private static void editCommitPush(Target target, Path repo, String app, String env, String tag) throws IOException {
        String overlay = SyntheticConfigRepository.overlay(app, env);
        Processes.run(repo, Map.of(), List.of("sed", "-i", "s/^  newTag: .*/  newTag: \"" + tag + "\"/", overlay));
        git(target, repo, "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "commit", "-q", "-m",
                "Promote " + app + " to " + tag + " in " + env, "--", overlay);
        git(target, repo, "push", "-q", "origin", "HEAD:main");
    }

    private static String git(Target target, Path dir, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Map<String, String> environment = new HashMap<>(target.gitEnvironment());
        environment.put("GIT_TERMINAL_PROMPT", "0");
        return Processes.run(dir, environment, command);
    }
}
