package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.pr.ProviderDetection;
import io.jenkins.plugins.gitopspromotion.pr.ProviderSettings;
import io.jenkins.plugins.gitopspromotion.promotion.AccessCredentials;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where pull requests are opened (promote, rollback) or looked up (serve): the provider and its API. */
final class ProviderOptions {

    @Option(names = "--provider", defaultValue = ProviderDetection.AUTO, paramLabel = "PROVIDER",
            description = "Where pull requests are opened: auto (from the repository URL), none, github, gitlab, bitbucket,"
                    + " bitbucket-server, gitea or azure-devops (default: ${DEFAULT-VALUE}).")
    String provider;

    @Option(names = "--api-url", paramLabel = "URL", description = "The provider's API base URL, for self-hosted or unusual URLs.")
    URI apiUrl;

    @Option(names = "--project", paramLabel = "OWNER/NAME", description = "The repository's name at the provider, when the URL does not tell it.")
    String project;

    /** The repository as these options and the repository options describe it, with the API token read once. */
    RepositoryAccess access(CommandSpec spec, RepositoryOptions repository, RepositoryLocation location) throws IOException {
        Optional<char[]> token = repository.token(spec);
        AccessCredentials credentials = token.map(t -> AccessCredentials.password(repository.username, t)).orElse(AccessCredentials.none());
        return new RepositoryAccess(location.toString(), repository.base, credentials, provider, apiUrl == null ? null : apiUrl.toString(),
                project);
    }

    /**
     * Where to open pull requests: needs a token; {@code auto} without one opens none (the rule of {@link RepositoryAccess},
     * whose {@link RepositoryAccess#noPullRequests()} says why).
     */
    Optional<ProviderSettings> settings(CommandSpec spec, RepositoryAccess access) {
        try {
            return access.pullRequests();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--provider: " + e.getMessage()
                    + (access.credentials().apiToken().isEmpty() ? ": give --token-env or --token-file" : ""));
        }
    }
}
