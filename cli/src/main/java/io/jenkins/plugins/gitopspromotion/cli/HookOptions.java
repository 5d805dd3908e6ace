package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.deploy.HookKeys;
import io.jenkins.plugins.gitopspromotion.deploy.ReportSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The keys of {@code serve}'s deployment hooks, from environment variables only: one for all three sources, or one per
 * source; each option may be given twice while a key is rotated (the old and the new key both accepted).
 */
final class HookOptions {

    @Option(names = "--hook-secret-env", paramLabel = "VAR", description = "Environment variable holding the key of every"
            + " deployment hook (Flux generic-hmac token, Argo CD bearer token, generic HMAC key); twice while rotating.")
    List<String> all = new ArrayList<>();

    @Option(names = "--flux-hook-secret-env", paramLabel = "VAR", description = "The key of /hooks/flux only (the token of the"
            + " Flux Provider's Secret).")
    List<String> flux = new ArrayList<>();

    @Option(names = "--argocd-hook-token-env", paramLabel = "VAR", description = "The bearer token of /hooks/argocd only.")
    List<String> argocd = new ArrayList<>();

    @Option(names = "--generic-hook-secret-env", paramLabel = "VAR", description = "The HMAC key of /hooks/generic only.")
    List<String> generic = new ArrayList<>();

    /** The keys of each source that takes hooks; empty when no option is given. */
    Map<ReportSource, HookKeys> keys(CommandSpec spec) {
        Map<ReportSource, HookKeys> keys = new EnumMap<>(ReportSource.class);
        put(spec, keys, ReportSource.FLUX, flux, "--flux-hook-secret-env");
        put(spec, keys, ReportSource.ARGOCD, argocd, "--argocd-hook-token-env");
        put(spec, keys, ReportSource.GENERIC, generic, "--generic-hook-secret-env");
        return keys;
    }

    private void put(CommandSpec spec, Map<ReportSource, HookKeys> keys, ReportSource source, List<String> own, String option) {
        List<String> variables = own.isEmpty() ? all : own;
        String named = own.isEmpty() ? "--hook-secret-env" : option;
        if (variables.isEmpty()) {
            return;
        }
        if (variables.size() > HookKeys.MAX_KEYS) {
            throw new ParameterException(spec.commandLine(), named + " is given " + variables.size() + " times: one key, or two"
                    + " while rotating");
        }
        keys.put(source, HookKeys.of(variables.stream().map(v -> RepositoryOptions.secretFromEnv(spec, v, named)).toList()));
    }
}
