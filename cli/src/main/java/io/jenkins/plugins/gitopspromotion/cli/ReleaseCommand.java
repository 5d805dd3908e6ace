package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Releases the hold a rollback placed on an app in an environment, so that promotions take it again. */
@Command(name = "release", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Release the hold a rollback placed on an app in an environment (.gitops/holds.yaml): a commit, or a"
                + " branch and pull request of its own, in the environment's mode.")
final class ReleaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOptions repository;

    @Mixin
    PromotionOptions promotion;

    @Option(names = "--app", required = true, paramLabel = "APP", description = "The app, by its name in the config.")
    String app;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the hold can go, recorded in the commit.")
    String reason;

    @Override
    public Integer call() throws IOException {
        PromotionRequest request = PromotionOptions.build(spec, promotion.request(spec, repository).app(app)
                .version(new VersionSource.Release()).reason(reason));
        return ResultPrinter.print(spec, new PromotionEngine(repository.cache(spec)).promote(request), promotion.json);
    }
}
