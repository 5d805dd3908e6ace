package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.deploy.DeploymentStore;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentTracker;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.pr.ProviderSettings;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.StatusReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Shows which version each app has in each environment, from Git alone. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The environment × app matrix of a config repository, with pending promotion branches and, where it"
                + " is tracked, what is deployed.")
final class StatusCommand implements Callable<Integer> {

    private static final Pattern DIGEST = Pattern.compile("(sha(?:256|512):[0-9a-f]{12})[0-9a-f]+");

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOptions repository;

    @Mixin
    ProviderOptions provider;

    @Option(names = "--json", description = "Print the matrix as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        RepositoryLocation location = repository.location(spec);
        Optional<ProviderSettings> settings = provider.settings(spec, provider.access(spec, repository, location));
        MirrorCache cache = repository.cache(spec);
        Path reports = DeploymentReports.folder(cache, location);
        PromotionEngine engine = new PromotionEngine(cache);
        // Moot promotion branches go first, so that the matrix shows only what is still pending.
        engine.prune(location, repository.auth(spec), repository.base, settings.map(engine::provider), false)
                .forEach(p -> spec.commandLine().getErr().println("pruned: " + p.describe()));
        DeploymentTracker.Status status = DeploymentReports.tracker(() -> DeploymentStore.read(reports), settings.map(engine::provider))
                .status(engine, location, repository.auth(spec), repository.base);
        status.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        StatusReport report = status.report();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(report.toJson());
            return GitOpsPromotionCli.OK;
        }
        out.println(report.repository() + " " + report.base() + " at " + report.commit().substring(0, 10) + " ("
                + report.configSource() + ")");
        out.print(table(report));
        return GitOpsPromotionCli.OK;
    }

    /**
     * Apps as rows, environments as columns; a tracked cell's deployment state follows its version in brackets, a hold
     * refers to a note under the table (who, when, why), a pending branch's version comes after an arrow.
     */
    static String table(StatusReport report) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("app"));
        header.addAll(report.environments());
        rows.add(header);
        List<String> notes = new ArrayList<>();
        for (String app : report.apps()) {
            List<String> row = new ArrayList<>(List.of(app));
            for (String env : report.environments()) {
                StatusReport.Cell cell = report.cell(app, env);
                String value;
                if (cell.error() != null) {
                    notes.add("[" + (notes.size() + 1) + "] " + cell.error());
                    value = "- [" + notes.size() + "]";
                } else if (cell.versions().isEmpty()) {
                    value = "(not set)";
                } else if (cell.tag() == null && cell.digest() == null) {
                    value = "(differs between files)";
                } else {
                    value = shortDigests(cell.tag() != null ? cell.tag() + (cell.digest() != null ? "@" + cell.digest() : "")
                            : cell.digest());
                }
                if (cell.deployment() != null) {
                    value += " (" + cell.deployment().state().jsonName() + ")";
                }
                if (cell.hold() != null) {
                    notes.add("[" + (notes.size() + 1) + "] " + app + " in " + env + " is held by " + cell.hold().by() + " since "
                            + cell.hold().at() + ": " + cell.hold().reason());
                    value += " (held [" + notes.size() + "])";
                }
                row.add(cell.pending() != null ? value + " → " + shortDigests(cell.pending()) + " (pending)" : value);
            }
            rows.add(row);
        }
        StringBuilder out = new StringBuilder(Table.render(rows));
        notes.forEach(n -> out.append(n).append('\n'));
        return out.toString();
    }

    /** Digests cut to the algorithm and twelve hex digits, as {@code docker images} shows them. */
    private static String shortDigests(String text) {
        return DIGEST.matcher(text).replaceAll("$1");
    }
}
