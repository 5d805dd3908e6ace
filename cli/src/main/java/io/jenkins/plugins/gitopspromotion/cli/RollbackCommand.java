package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.image.ImageTag;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Rolls an app back to the version an environment had before, as a promotion. */
@Command(name = "rollback", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Roll an app back to its previous version in an environment (or to a tag it had there), as a promotion.")
final class RollbackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOptions repository;

    @Mixin
    PromotionOptions promotion;

    @Option(names = "--app", required = true, paramLabel = "APP", description = "The app, by its name in the config.")
    String app;

    @Option(names = "--to", paramLabel = "TAG", description = "Go back to the last version with this tag, instead of the previous one.")
    String to;

    @Override
    public Integer call() throws IOException {
        try {
            Optional.ofNullable(to).ifPresent(ImageTag::requireValid);
        } catch (InvalidImageReferenceException e) {
            throw new ParameterException(spec.commandLine(), "--to: " + e.getMessage());
        }
        PromotionRequest request = PromotionOptions.build(spec, promotion.request(spec, repository).app(app)
                .version(new VersionSource.Rollback(Optional.ofNullable(to))));
        return ResultPrinter.print(spec, new PromotionEngine(repository.cache(spec)).promote(request), promotion.json);
    }
}
