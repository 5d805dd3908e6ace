package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.deploy.DeploymentMapping;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentStore;
import io.jenkins.plugins.gitopspromotion.deploy.HookKeys;
import io.jenkins.plugins.gitopspromotion.deploy.HookReceiver;
import io.jenkins.plugins.gitopspromotion.deploy.ReportSource;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryMode;
import io.jenkins.plugins.gitopspromotion.pr.ProviderSettings;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import io.jenkins.plugins.gitopspromotion.view.PromotionView;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.PersonIdent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Serves the promotion view on 127.0.0.1 until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve the promotion view (environments × apps, pending pull requests, parity, history, promote"
                + " and roll back, what is deployed) on 127.0.0.1, with the deployment hooks /hooks/flux, /hooks/argocd and"
                + " /hooks/generic when their keys are given.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOptions repository;

    @Mixin
    ProviderOptions provider;

    @Option(names = "--port", defaultValue = "8765", paramLabel = "N",
            description = "The port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port;

    @Option(names = "--read-only", description = "Show the view only: no promote or roll-back actions, every POST refused.")
    boolean readOnly;

    @Mixin
    BoundaryOptions boundary;

    @Mixin
    AuthorOptions author;

    @Mixin
    HookOptions hooks;

    @Override
    public Integer call() throws IOException {
        RepositoryLocation location = repository.location(spec);
        GitAuth auth = repository.auth(spec);
        RepositoryAccess access = provider.access(spec, repository, location);
        Optional<ProviderSettings> settings = provider.settings(spec, access);
        String noPullRequests = access.noPullRequests().orElse(null);
        PersonIdent by = author.ident(spec);
        BoundaryMode mode = boundary.mode(spec);
        Map<ReportSource, HookKeys> keys = hooks.keys(spec);
        MirrorCache cache = repository.cache(spec);
        Path reports = DeploymentReports.folder(cache, location);
        PromotionEngine engine = new PromotionEngine(cache);
        PromotionView view = new PromotionView(engine, location, auth, repository.base, settings.map(engine::provider),
                env -> PromotionRequest.builder(location, env).auth(auth).base(repository.base)
                        .pullRequests(settings.orElse(null)).noPullRequests(noPullRequests).author(by).boundary(mode));
        // Without hook keys nothing is received here; another serve of the same repository may be receiving.
        try (DeploymentStore store = keys.isEmpty() ? null : DeploymentStore.open(reports);
                ViewServer server = ViewServer.start(view.withDeployments(DeploymentReports.tracker(
                        store != null ? store::reports : () -> DeploymentStore.read(reports), settings.map(engine::provider))), port,
                        readOnly)) {
            PrintWriter out = spec.commandLine().getOut();
            // Printed once: the secret in it is what lets a browser in (serve acts with this user's Git credentials).
            out.println("The promotion view of " + location + " (" + repository.base + ") is at " + server.entryUrl()
                    + (readOnly ? " (read-only)" : "") + "; open this address, which holds its secret: it is the only way in");
            if (store != null) {
                server.route(HookEndpoints.PATH, new HookEndpoints(new HookReceiver(store, location, keys,
                        () -> new DeploymentMapping(view.config()), Clock.systemUTC())));
                out.println("Deployment hooks: " + keys.keySet().stream().map(s -> server.url().resolve(HookEndpoints.PATH.substring(1)
                        + s.jsonName()).toString()).collect(Collectors.joining(", ")) + "; reports kept in " + reports);
            }
            out.flush();
            new CountDownLatch(1).await(); // until Ctrl-C ends the process, or an embedding thread is interrupted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return GitOpsPromotionCli.OK;
    }
}
