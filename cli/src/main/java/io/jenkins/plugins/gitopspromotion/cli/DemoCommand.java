package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.ConventionDiscovery;
import io.jenkins.plugins.gitopspromotion.config.DirectoryRepoTree;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.RepoTree;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import io.jenkins.plugins.gitopspromotion.promotion.ChangePlan;
import io.jenkins.plugins.gitopspromotion.promotion.ChangePlanner;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionMessage;
import io.jenkins.plugins.gitopspromotion.update.FileChange;
import io.jenkins.plugins.gitopspromotion.update.ImageUpdate;
import io.jenkins.plugins.gitopspromotion.update.KustomizeImagesUpdater;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A self-contained tour on a local config repository: reads the config, shows what runs where, promotes
 * images of each update kind with byte-exact edits and commits, and shows what is refused and why.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "A self-contained tour of gitops-promotion on a local config repository.")
final class DemoCommand implements Callable<Integer> {

    /** A stand-in digest: the demo pushes no image, so no registry could give a real one. */
    static final String DIGEST = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to create the demo's config repository (an empty or new folder); default: a new temporary folder.")
    Path dir;

    private final ChangePlanner planner = new ChangePlanner(YamlLimits.DEFAULT);
    private PrintWriter out;

    @Override
    public Integer call() throws IOException, GitAPIException {
        out = spec.commandLine().getOut();
        Path where = dir != null ? dir : Files.createTempDirectory("gitops-promotion-demo-");
        try (DemoRepository repo = DemoRepository.create(where)) {
            RepoTree tree = new DirectoryRepoTree(repo.dir());
            PromotionConfig config = ConfigLoader.load(tree);

            heading("1. A config repository, with its promotion config");
            out.println("Created a Git repository at " + repo.dir() + " (branch main).");
            out.println(ConfigCommand.describe(config));

            heading("2. What runs where, read from the files in Git");
            out.print(VersionMatrix.render(tree, config, planner));

            heading("3. Promote web 1.5.0 (with its digest) to dev: one value changes, every other byte stays");
            promote(repo, tree, config, "web", "dev", ImageUpdate.of("ghcr.io/acme/web", "1.5.0", DIGEST), Optional.empty());

            heading("4. Promote the same version again: nothing to do, no commit");
            promote(repo, tree, config, "web", "dev", ImageUpdate.of("ghcr.io/acme/web", "1.5.0", DIGEST), Optional.empty());

            heading("5. Staging and prod: a stale digest is replaced; prod's CRLF overlay gets an images: entry");
            promote(repo, tree, config, "web", "staging", ImageUpdate.of("ghcr.io/acme/web", "1.5.0", DIGEST), Optional.of("dev"));
            promote(repo, tree, config, "web", "prod", ImageUpdate.of("ghcr.io/acme/web", "1.5.0", DIGEST), Optional.of("staging"));

            heading("6. The other update kinds: Helm values, Flux setter markers, plain manifests");
            promote(repo, tree, config, "api", "dev", ImageUpdate.of("ghcr.io/acme/api", "2.1.0", DIGEST), Optional.empty());
            promote(repo, tree, config, "worker", "dev", ImageUpdate.of("ghcr.io/acme/worker", "0.9.2", null), Optional.empty());
            promote(repo, tree, config, "jobs", "dev", ImageUpdate.of("ghcr.io/acme/jobs", "3.1.0", null), Optional.empty());

            heading("7. Refused before anything is written");
            refusals(repo);

            heading("8. Without .gitops/promotion.yaml: the layout is discovered, and what is unclear is said");
            discover(repo.dir());

            heading("9. What runs where now");
            out.print(VersionMatrix.render(tree, config, planner));
            out.println();
            out.println(repo.commitCount() + " commits on main in " + repo.dir() + "; try: git -C " + repo.dir() + " log --stat");
        }
        return GitOpsPromotionCli.OK;
    }

    private void promote(DemoRepository repo, RepoTree tree, PromotionConfig config, String app, String environment,
            ImageUpdate update, Optional<String> from) throws IOException, GitAPIException {
        out.println("> promote " + app + " to " + environment + ": " + update.tag().map(t -> "tag " + t).orElse("")
                + update.digest().map(d -> (update.tag().isPresent() ? ", " : "") + "digest " + d).orElse("")
                + from.map(f -> " (as " + f + " has it)").orElse(""));
        ChangePlan plan = planner.plan(tree, config, config.app(app).orElseThrow(), config.environment(environment).orElseThrow(),
                update);
        if (!plan.changed()) {
            out.println("unchanged: " + environment + " already has " + app + " " + plan.labelBefore());
            out.println();
            return;
        }
        for (FileChange file : plan.changedFiles()) {
            repo.write(file.path(), file.after());
        }
        RevCommit commit = repo.commitAll(PromotionMessage.of(plan, from, Optional.empty()));
        out.println("promoted: " + commit.getShortMessage() + "  (commit " + commit.abbreviate(7).name() + ")");
        out.print(repo.diff(commit));
        out.println();
    }

    private void refusals(DemoRepository repo) throws GitAPIException, IOException {
        out.println("> promote web to dev: tag 'bad tag;rm'");
        try {
            ImageUpdate.of("ghcr.io/acme/web", "bad tag;rm", null);
        } catch (InvalidImageReferenceException e) {
            out.println("refused: " + e.getMessage());
        }
        Path staging = repo.dir().resolve("apps/web/overlays/staging/kustomization.yaml");
        String anchored = Files.readString(staging).replaceFirst("newTag: (\\S+)", "newTag: &version $1")
                + "labels:\n  - pairs: {version: *version}\n";
        out.println();
        out.println("An overlay whose tag is also used elsewhere through a YAML anchor (&version):");
        try {
            new KustomizeImagesUpdater(YamlLimits.DEFAULT).apply("apps/web/overlays/staging/kustomization.yaml",
                    anchored.getBytes(StandardCharsets.UTF_8), ImageUpdate.of("ghcr.io/acme/web", "1.6.0", null));
        } catch (YamlEditException e) {
            out.println(e.getMessage());
        }
        out.println("Working tree clean: " + repo.isClean());
    }

    private void discover(Path repo) throws IOException {
        Path copy = Files.createTempDirectory("gitops-promotion-demo-discovery-");
        try (var files = Files.walk(repo)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                String relative = repo.relativize(source).toString().replace('\\', '/');
                if (relative.startsWith(".git") || !Files.isRegularFile(source)) {
                    continue; // .git and .gitops/ alike: discovery is for repositories without a config
                }
                Path target = copy.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
            }
        }
        out.println("$ gitops-promotion config --repo " + copy);
        out.print(ConventionDiscovery.discover(new DirectoryRepoTree(copy)).render());
    }

    private void heading(String title) {
        out.println();
        out.println("== " + title + " ==");
    }
}
