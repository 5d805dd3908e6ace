package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.config.PromotionMode;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options of the commands that change an environment: where, how, as whom, signed with what, and how to report. */
final class PromotionOptions {

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

    @Option(names = "--source-time", paramLabel = "TIME", description = "When the source commit was made, ISO-8601 (2026-11-27T12:00:00Z)"
            + " or seconds since the epoch (git log -1 --format=%ct): the Source-Time trailer, where lead time starts.")
    String sourceTime;

    @Mixin
    ProviderOptions provider;

    @Mixin
    AuthorOptions author;

    @Mixin
    BoundaryOptions boundary;

    @Mixin
    SigningOptions signing;

    @Option(names = "--dry-run", description = "Plan the change and report it, push nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    /** The request a builder makes; an input it refuses (a line break in --build-url, say) is a usage error. */
    static PromotionRequest build(CommandSpec spec, PromotionRequest.Builder request) {
        try {
            return request.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** {@code --source-time} as an instant: ISO-8601 with an offset, or epoch seconds as {@code git log --format=%ct} prints. */
    private Instant sourceTime(CommandSpec spec) {
        if (sourceTime == null) {
            return null;
        }
        try {
            return sourceTime.matches("\\d{1,12}") ? Instant.ofEpochSecond(Long.parseLong(sourceTime))
                    : OffsetDateTime.parse(sourceTime).toInstant();
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--source-time: '" + sourceTime.replaceAll("\\p{Cntrl}", "?")
                    + "' is neither an ISO-8601 time such as 2026-11-27T12:00:00Z nor seconds since the epoch");
        }
    }

    /** A request builder with these options and the repository options applied. */
    PromotionRequest.Builder request(CommandSpec spec, RepositoryOptions repository) throws IOException {
        RepositoryLocation location = repository.location(spec);
        RepositoryAccess access = provider.access(spec, repository, location);
        return PromotionRequest.builder(location, environment)
                .auth(repository.auth(spec))
                .pullRequests(provider.settings(spec, access).orElse(null))
                .noPullRequests(access.noPullRequests().orElse(null))
                .sourceCommit(sourceCommit)
                .sourceUrl(sourceUrl)
                .sourceTime(sourceTime(spec))
                .base(repository.base)
                .mode(mode == null ? null : PromotionMode.fromConfigName(mode).orElseThrow(() -> new ParameterException(
                        spec.commandLine(), "--mode " + mode + ": use one of " + PromotionMode.configNames())))
                .buildUrl(buildUrl)
                .boundary(boundary.mode(spec))
                .dryRun(dryRun)
                .author(author.ident(spec))
                .signer(signing.signer(spec));
    }
}
