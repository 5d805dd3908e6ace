package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.ConventionDiscovery;
import io.jenkins.plugins.gitopspromotion.config.DirectoryRepoTree;
import io.jenkins.plugins.gitopspromotion.config.DiscoveryReport;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.RepoTree;
import io.jenkins.plugins.gitopspromotion.promotion.ChangePlanner;
import io.jenkins.plugins.gitopspromotion.promotion.StatusReport;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Shows the promotion config of a config repository checked out in a folder: the environments in order,
 * the apps and where each app's image is written, with the version found there. Without
 * {@code .gitops/promotion.yaml} it shows what the layout tells by convention, and what it cannot tell.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Show the promotion config of a config repository, or what its layout tells without one.")
final class ConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", required = true, paramLabel = "PATH", description = "A checked-out config repository.")
    Path repo;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(repo)) {
            throw new ParameterException(spec.commandLine(), "--repo " + repo + " is not a folder");
        }
        PrintWriter out = spec.commandLine().getOut();
        RepoTree tree = new DirectoryRepoTree(repo);
        PromotionConfig config;
        if (ConfigLoader.declared(tree)) {
            config = ConfigLoader.load(tree);
        } else {
            DiscoveryReport report = ConventionDiscovery.discover(tree);
            out.print(report.render());
            if (report.config().isEmpty()) {
                return GitOpsPromotionCli.FAILED;
            }
            config = report.config().get();
        }
        out.println(describe(config));
        out.print(StatusCommand.table(StatusReport.read(repo.toString(), "(checked out)", "", tree, config,
                new ChangePlanner(YamlLimits.DEFAULT), Map.of())));
        return GitOpsPromotionCli.OK;
    }

    /** The environments in order and the apps with their targets, as plain text. */
    static String describe(PromotionConfig config) {
        StringBuilder out = new StringBuilder("Config: ").append(config.source()).append('\n');
        out.append("Environments, in promotion order:\n");
        List<List<String>> environments = new ArrayList<>();
        int position = 1;
        for (Environment e : config.environments()) {
            List<String> details = new ArrayList<>(List.of("mode " + e.mode().configName()));
            e.requires().ifPresent(r -> details.add("requires " + r));
            if (!e.reviewers().isEmpty()) {
                details.add("reviewers " + String.join(", ", e.reviewers()));
            }
            if (!e.labels().isEmpty()) {
                details.add("labels " + String.join(", ", e.labels()));
            }
            environments.add(List.of("  " + position++ + ".", e.name(), String.join("; ", details)));
        }
        out.append(Table.render(environments));
        out.append("Apps:\n");
        List<List<String>> apps = new ArrayList<>();
        for (App app : config.apps()) {
            apps.add(List.of("  " + app.name(), app.update().configName(), app.names().toString(),
                    config.target(app, config.environments().get(0)).toString() + " ..."));
        }
        return out.append(Table.render(apps)).toString();
    }
}
