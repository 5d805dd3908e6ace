package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.ConventionDiscovery;
import io.jenkins.plugins.gitopspromotion.config.DirectoryRepoTree;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryMode;
import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A self-contained tour on a local config repository: promotes into dev by commit, into staging on a branch
 * with the version dev has, is refused in prod, promotes every update kind, rolls back, and shows the status
 * matrix, all through the same engine a Jenkins build uses.
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

    private PrintWriter out;
    private DemoRepository repo;
    private PromotionEngine engine;
    private RepositoryLocation location;

    @Override
    public Integer call() throws IOException, GitAPIException {
        out = spec.commandLine().getOut();
        Path where = dir != null ? dir : Files.createTempDirectory("gitops-promotion-demo-");
        try (DemoRepository created = DemoRepository.create(where)) {
            repo = created;
            location = RepositoryLocation.parse(repo.dir().toString());
            engine = new PromotionEngine(new MirrorCache(where.resolve("cache"), 30));

            heading("1. A config repository, with its promotion config");
            out.println("A bare Git repository at " + repo.dir() + ", as on a Git host; promotions fetch it into a");
            out.println("cached mirror, build each commit in memory and push it with the old id they expect.");
            out.println(ConfigCommand.describe(ConfigLoader.parse(ConfigLoader.CONFIG_PATH,
                    repo.read("main", ConfigLoader.CONFIG_PATH))));

            heading("2. What runs where, read from Git alone");
            status();

            heading("3. Promote web 1.5.0 to dev (mode commit): one commit on main, one value changed");
            promote(request("dev", "web").version(given("1.5.0", DIGEST)));

            heading("4. The same again: nothing to do, nothing pushed");
            promote(request("dev", "web").version(given("1.5.0", DIGEST)));

            heading("5. Promote to staging exactly what dev has (--from dev): a branch waits for review");
            out.println("(staging's mode is pull-request; on a Git host with --provider and a token a pull request is opened"
                    + " on the branch; here, a local repository, the branch is the proposal)");
            promote(request("staging", "web").version(new VersionSource.FromEnvironment("dev")));

            heading("6. Prod requires staging to have the version on main first: refused, exit code 3");
            promote(request("prod", "web").version(new VersionSource.FromEnvironment("dev")));
            out.println("What staging has on main may go to prod; prod's overlay (CRLF line ends) gets an images: entry:");
            promote(request("prod", "web").version(new VersionSource.FromEnvironment("staging")));

            heading("7. The other update kinds: Helm values, Flux setter markers, plain manifests");
            promote(request("dev", "api").version(given("2.1.0", DIGEST)));
            promote(request("dev", "worker").version(given("0.9.2", null)));
            promote(request("dev", "jobs").version(given("3.1.0", null)));

            heading("8. Roll web back in dev to the version it had before, as a promotion; web is held in dev until released");
            promote(request("dev", "web").version(new VersionSource.Rollback(Optional.empty())));

            heading("9. Refused before anything is written");
            refusals();

            heading("10. Without .gitops/promotion.yaml: the layout is discovered, and what is unclear is said");
            discover();

            heading("11. What runs where now");
            status();
            out.println();
            out.println(repo.commitCount("main") + " commits on main; try: git -C " + repo.dir() + " log --stat main");
        }
        return GitOpsPromotionCli.OK;
    }

    private PromotionRequest.Builder request(String environment, String app) {
        // A tour on the user's own machine, which may well hold a kubeconfig: reported, not refused.
        return PromotionRequest.builder(location, environment).app(app).auth(GitAuth.none()).boundary(BoundaryMode.WARN);
    }

    private static VersionSource given(String tag, String digest) {
        return new VersionSource.Given(Optional.ofNullable(tag), Optional.ofNullable(digest).map(Digest::parse));
    }

    private void promote(PromotionRequest.Builder builder) throws IOException {
        PromotionRequest request = builder.build();
        out.println("$ gitops-promotion " + commandLine(request));
        PromotionResult result = engine.promote(request);
        result.warnings().forEach(w -> out.println("warning: " + w));
        out.println(result.status().json() + ": " + result.reason());
        if (result.status() == PromotionResult.Status.PROMOTED) {
            out.println("commit " + result.commit().substring(0, 7) + " on " + result.branch());
            out.print(repo.diff(result.commit()));
        }
        out.println();
    }

    private static String commandLine(PromotionRequest request) {
        String version;
        if (request.version() instanceof VersionSource.Given g) {
            version = g.tag().map(t -> " --tag " + t).orElse("") + g.digest().map(d -> " --digest " + d).orElse("");
        } else if (request.version() instanceof VersionSource.FromEnvironment f) {
            version = " --from " + f.environment();
        } else {
            version = ((VersionSource.Rollback) request.version()).toTag().map(t -> " --to " + t).orElse("");
        }
        String verb = request.version() instanceof VersionSource.Rollback ? "rollback" : "promote";
        return verb + " --repo config.git --env " + request.environment() + " --app " + request.app().orElseThrow() + version;
    }

    private void status() throws IOException {
        out.print(StatusCommand.table(engine.status(location, GitAuth.none(), "main")));
    }

    private void refusals() {
        out.println("$ gitops-promotion promote --repo config.git --env dev --app web --tag 'bad tag;rm'");
        try {
            ImageUpdate.of("ghcr.io/acme/web", "bad tag;rm", null);
        } catch (InvalidImageReferenceException e) {
            out.println("usage error (exit code 2): " + e.getMessage());
        }
        out.println();
        out.println("An overlay whose tag is also used elsewhere through a YAML anchor (&version):");
        String anchored = "images:\n- name: ghcr.io/acme/web\n  newTag: &version \"1.4.1\"\nlabels:\n- pairs: {version: *version}\n";
        out.print(anchored.indent(4));
        try {
            new KustomizeImagesUpdater(YamlLimits.DEFAULT).apply("apps/web/overlays/staging/kustomization.yaml",
                    anchored.getBytes(StandardCharsets.UTF_8), ImageUpdate.of("ghcr.io/acme/web", "1.6.0", null));
        } catch (YamlEditException e) {
            out.println(e.getMessage());
        }
    }

    private void discover() throws IOException {
        Path copy = Files.createTempDirectory("gitops-promotion-demo-discovery-");
        DemoRepository.writeSampleFiles(copy, file -> !file.startsWith(".gitops/"));
        out.println("$ gitops-promotion config --repo " + copy);
        out.print(ConventionDiscovery.discover(new DirectoryRepoTree(copy)).render());
    }

    private void heading(String title) {
        out.println();
        out.println("== " + title + " ==");
    }
}
