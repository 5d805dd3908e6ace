package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.config.ConfigException;
import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.DirectoryRepoTree;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.RepoTree;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.guard.AuditReport;
import io.jenkins.plugins.gitopspromotion.guard.ConfigAudit;
import io.jenkins.plugins.gitopspromotion.guard.Finding;
import io.jenkins.plugins.gitopspromotion.guard.Severity;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Audits a config repository for plaintext secrets, mutable image tags and drift between environments. A
 * checked-out folder is read as it is on disk (what is about to be committed), unless {@code --base} is given
 * or the folder is a bare repository: then, like a URL, the base branch is read from Git through the mirror
 * cache. Exits with the "refused" code when a finding blocks.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Report plaintext secrets, mutable image tags and drift between environments in a config repository.")
final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOptions repository;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Path folder = localFolder();
        AuditReport report;
        if (folder != null) {
            report = audit(new DirectoryRepoTree(folder));
        } else {
            RepositoryLocation location = repository.location(spec);
            if (location.isLocal() && !Files.exists(Path.of(location.uri().getPath()))) {
                throw new ParameterException(spec.commandLine(), "--repo " + repository.repo
                        + " is neither a folder nor a Git repository URL");
            }
            report = new PromotionEngine(repository.cache(spec)).readBase(location, repository.auth(spec), repository.base,
                    (tree, commit) -> audit(described(tree, location + " " + repository.base + " at "
                            + commit.substring(0, 10))));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(report.toJson());
        } else {
            out.print(render(report));
        }
        out.flush(); // print does not flush, and main exits right after
        return report.blocking() ? GitOpsPromotionCli.REFUSED : GitOpsPromotionCli.OK;
    }

    /** The folder to read as it is, or null when the repository is to be read from Git. */
    private Path localFolder() {
        Path path;
        try {
            path = Path.of(repository.repo);
        } catch (InvalidPathException e) {
            return null; // a URL on a system whose paths cannot hold one
        }
        boolean baseGiven = spec.commandLine().getParseResult().hasMatchedOption("--base");
        if (!Files.isDirectory(path) || baseGiven) {
            return null;
        }
        return isBareRepository(path) ? null : path;
    }

    /** Whether a folder is a bare Git repository (its own HEAD, objects and refs), as Git itself tells. */
    private static boolean isBareRepository(Path folder) {
        return Files.isRegularFile(folder.resolve("HEAD")) && Files.isDirectory(folder.resolve("objects"))
                && Files.isDirectory(folder.resolve("refs"));
    }

    /** The audit with the repository's promotion config, or without one (noted) when it has none or it is invalid. */
    private static AuditReport audit(RepoTree tree) throws IOException {
        Optional<PromotionConfig> config;
        List<String> notes = new ArrayList<>();
        try {
            config = Optional.of(ConfigLoader.load(tree));
        } catch (ConfigException e) {
            config = Optional.empty();
            notes.add("no promotion config, so drift and pinned digests were not checked: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        AuditReport report = ConfigAudit.audit(tree, config, YamlLimits.DEFAULT);
        notes.addAll(report.notes());
        return new AuditReport(report.source(), report.configSource(), report.findings(), notes);
    }

    /** The tree, described as the repository's branch at its commit in the report. */
    private static RepoTree described(RepoTree tree, String description) {
        return new RepoTree() {
            @Override
            public Optional<byte[]> read(String path, int maxBytes) throws IOException {
                return tree.read(path, maxBytes);
            }

            @Override
            public Entry entry(String path) throws IOException {
                return tree.entry(path);
            }

            @Override
            public List<String> files() throws IOException {
                return tree.files();
            }

            @Override
            public List<String> filesIn(String directory) throws IOException {
                return tree.filesIn(directory);
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }

    /** The findings grouped by severity, one per line ({@code file:line kind message [masked]}), then the notes. */
    static String render(AuditReport report) {
        StringBuilder out = new StringBuilder();
        int blocking = report.findings(Severity.BLOCKING).size();
        int warnings = report.findings(Severity.WARNING).size();
        out.append("Audit of ").append(report.source())
                .append(report.configSource().isEmpty() ? "" : " (" + report.configSource() + ")").append(": ")
                .append(blocking).append(blocking == 1 ? " blocking finding, " : " blocking findings, ")
                .append(warnings).append(warnings == 1 ? " warning" : " warnings").append('\n');
        for (Severity severity : Severity.values()) {
            List<Finding> findings = report.findings(severity);
            if (!findings.isEmpty()) {
                out.append(severity.name()).append('\n');
                findings.forEach(f -> out.append("  ").append(f.render()).append('\n'));
            }
        }
        if (!report.notes().isEmpty()) {
            out.append("Notes\n");
            report.notes().forEach(n -> out.append("  ").append(n.replace('\n', ' ')).append('\n'));
        }
        return out.toString();
    }
}
