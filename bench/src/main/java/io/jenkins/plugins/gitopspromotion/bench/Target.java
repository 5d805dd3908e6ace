package io.jenkins.plugins.gitopspromotion.bench;

import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A served config repository as each subject reaches it: its URL, the engine's credentials, the environment
 * that gives the real {@code git} the same credentials (an HTTP header set through {@code GIT_CONFIG_*}, so
 * that no secret is on a command line), and the CLI's credential options.
 *
 * @param name the server, for the report
 * @param url the repository's URL
 * @param auth the engine's credentials
 * @param gitEnvironment added to the environment of every {@code git} run
 * @param cliOptions added to the CLI's arguments
 * @param cliEnvironment added to the CLI's environment
 */
record Target(String name, String url, GitAuth auth, Map<String, String> gitEnvironment, List<String> cliOptions,
        Map<String, String> cliEnvironment) {

    private static final String TOKEN_VARIABLE = "BENCH_GIT_PASSWORD";

    /** The anonymous {@code git daemon}. */
    static Target daemon(String url) {
        return new Target("git daemon (git://)", url, GitAuth.none(), Map.of(), List.of(), Map.of());
    }

    /** The JGit HTTP server, with HTTP Basic authentication. */
    static Target http(String url, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Target("JGit HTTP server (http://)", url, GitAuth.password(user, password.toCharArray()),
                Map.of("GIT_CONFIG_COUNT", "1", "GIT_CONFIG_KEY_0", "http.extraHeader",
                        "GIT_CONFIG_VALUE_0", "Authorization: Basic " + basic),
                List.of("--username", user, "--token-env", TOKEN_VARIABLE), Map.of(TOKEN_VARIABLE, password));
    }

    /** {@code daemon} or {@code http}, as {@code --servers} names the server. */
    String key() {
        return url.startsWith("git://") ? "daemon" : "http";
    }

    /** The repository's location for the engine. */
    RepositoryLocation location() {
        return RepositoryLocation.parse(url);
    }
}
