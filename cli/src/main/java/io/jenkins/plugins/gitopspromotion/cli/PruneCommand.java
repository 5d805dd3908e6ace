package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.json.Json;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PrunedBranch;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Closes the pull requests of promotion branches that have become moot, and deletes the branches. */
@Command(name = "prune", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Close the pull requests of promotion branches whose version the base branch already has, or has"
                + " overtaken, with a comment naming the commit, and delete their branches.")
final class PruneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOptions repository;

    @Mixin
    ProviderOptions provider;

    @Option(names = "--dry-run", description = "Say what would be closed and deleted; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print what was done as a JSON array.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        RepositoryLocation location = repository.location(spec);
        PromotionEngine engine = new PromotionEngine(repository.cache(spec));
        List<PrunedBranch> pruned = engine.prune(location, repository.auth(spec), repository.base,
                provider.settings(spec, provider.access(spec, repository, location)).map(engine::provider), dryRun);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.writeIndented(pruned, "the branches pruned"));
        } else if (pruned.isEmpty()) {
            out.println("no promotion branch is moot");
        } else {
            pruned.forEach(p -> out.println(p.describe()));
        }
        boolean failed = pruned.stream().anyMatch(p -> p.action() == PrunedBranch.Action.FAILED);
        return failed ? GitOpsPromotionCli.FAILED : GitOpsPromotionCli.OK;
    }
}
