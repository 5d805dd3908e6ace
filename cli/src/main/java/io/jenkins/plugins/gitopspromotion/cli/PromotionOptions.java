package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.config.PromotionMode;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryMode;
import io.jenkins.plugins.gitopspromotion.pr.ProviderDetection;
import io.jenkins.plugins.gitopspromotion.pr.ProviderSettings;
import io.jenkins.plugins.gitopspromotion.promotion.AccessCredentials;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.PersonIdent;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options of the commands that change an environment: where, how, as whom, signed with what, and how to report. */
final class PromotionOptions {

    private static final Pattern IDENT = Pattern.compile("\\s*(.+?)\\s*<([^<>\\s]+)>\\s*");

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment to change.")
    String environment;

    @Option(names = "--mode", paramLabel = "MODE", description = "commit, pull-request or branch; default: the environment's mode.")
    String mode;

    @Option(names = "--build-url", paramLabel = "URL", description = "The build promoting, recorded in the commit (Build-Url trailer).")
    String buildUrl;

    @Option(names = "--source-commit", paramLabel = "SHA", description = "The source commit the image was built from (Source-Commit trailer).")
    String sourceCommit;

    @Option(names = "--source-url", paramLabel = "URL", description = "A link to the source commit (Source-Url trailer).")
    String sourceUrl;

    @Option(names = "--provider", defaultValue = ProviderDetection.AUTO, paramLabel = "PROVIDER",
            description = "Where pull requests are opened: auto (from the repository URL), none, github, gitlab, bitbucket,"
                    + " bitbucket-server, gitea or azure-devops (default: ${DEFAULT-VALUE}).")
    String provider;

    @Option(names = "--api-url", paramLabel = "URL", description = "The provider's API base URL, for self-hosted or unusual URLs.")
    URI apiUrl;

    @Option(names = "--project", paramLabel = "OWNER/NAME", description = "The repository's name at the provider, when the URL does not tell it.")
    String project;

    @Option(names = "--author", paramLabel = "'NAME <EMAIL>'",
            description = "Who the commit is by (default: $GIT_AUTHOR_NAME <$GIT_AUTHOR_EMAIL>, or gitops-promotion).")
    String author;

    @Option(names = "--boundary", defaultValue = "enforce", paramLabel = "MODE",
            description = "When cluster credentials are within reach: enforce (refuse, exit 3), warn, or off (default: ${DEFAULT-VALUE}).")
    String boundary;

    @Mixin
    SigningOptions signing;

    @Option(names = "--dry-run", description = "Plan the change and report it, push nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    /** A request builder with these options and the repository options applied. */
    PromotionRequest.Builder request(CommandSpec spec, RepositoryOptions repository) throws IOException {
        RepositoryLocation location = repository.location(spec);
        return PromotionRequest.builder(location, environment)
                .auth(repository.auth(spec))
                .pullRequests(pullRequests(spec, repository).orElse(null))
                .sourceCommit(sourceCommit)
                .sourceUrl(sourceUrl)
                .base(repository.base)
                .mode(mode == null ? null : PromotionMode.fromConfigName(mode).orElseThrow(() -> new ParameterException(
                        spec.commandLine(), "--mode " + mode + ": use one of " + PromotionMode.configNames())))
                .buildUrl(buildUrl)
                .boundary(BoundaryMode.fromOptionName(boundary).orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "--boundary " + boundary + ": use one of " + BoundaryMode.optionNames())))
                .dryRun(dryRun)
                .author(author(spec))
                .signer(signing.signer(spec));
    }

    /** Where to open pull requests: needs a token; {@code auto} without one opens none. */
    private Optional<ProviderSettings> pullRequests(CommandSpec spec, RepositoryOptions repository) throws IOException {
        Optional<char[]> token = repository.token(spec);
        AccessCredentials credentials = token.map(t -> AccessCredentials.password(repository.username, t)).orElse(AccessCredentials.none());
        try {
            return new RepositoryAccess(repository.repo, repository.base, credentials, provider,
                    apiUrl == null ? null : apiUrl.toString(), project).pullRequests();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--provider: " + e.getMessage()
                    + (token.isEmpty() ? ": give --token-env or --token-file" : ""));
        }
    }

    private PersonIdent author(CommandSpec spec) {
        if (author != null) {
            Matcher m = IDENT.matcher(author);
            if (!m.matches()) {
                throw new ParameterException(spec.commandLine(), "--author must look like 'Name <email>'");
            }
            return new PersonIdent(m.group(1), m.group(2));
        }
        String name = System.getenv("GIT_AUTHOR_NAME");
        String email = System.getenv("GIT_AUTHOR_EMAIL");
        return name != null && email != null ? new PersonIdent(name, email) : PromotionRequest.DEFAULT_AUTHOR;
    }
}
