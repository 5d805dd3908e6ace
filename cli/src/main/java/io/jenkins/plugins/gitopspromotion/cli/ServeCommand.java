package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryMode;
import io.jenkins.plugins.gitopspromotion.pr.ProviderSettings;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import io.jenkins.plugins.gitopspromotion.view.PromotionView;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jgit.lib.PersonIdent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Serves the promotion view on 127.0.0.1 until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve the promotion view (environments × apps, pending pull requests, parity, history, promote"
                + " and roll back) on 127.0.0.1.")
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

    @Override
    public Integer call() throws IOException {
        RepositoryLocation location = repository.location(spec);
        GitAuth auth = repository.auth(spec);
        RepositoryAccess access = provider.access(spec, repository, location);
        Optional<ProviderSettings> settings = provider.settings(spec, access);
        String noPullRequests = access.noPullRequests().orElse(null);
        PersonIdent by = author.ident(spec);
        BoundaryMode mode = boundary.mode(spec);
        PromotionEngine engine = new PromotionEngine(repository.cache(spec));
        PromotionView view = new PromotionView(engine, location, auth, repository.base, settings.map(engine::provider),
                env -> PromotionRequest.builder(location, env).auth(auth).base(repository.base)
                        .pullRequests(settings.orElse(null)).noPullRequests(noPullRequests).author(by).boundary(mode));
        try (ViewServer server = ViewServer.start(view, port, readOnly)) {
            PrintWriter out = spec.commandLine().getOut();
            // Printed once: the secret in it is what lets a browser in (serve acts with this user's Git credentials).
            out.println("The promotion view of " + location + " (" + repository.base + ") is at " + server.entryUrl()
                    + (readOnly ? " (read-only)" : "") + "; open this address, which holds its secret: it is the only way in");
            out.flush();
            new CountDownLatch(1).await(); // until Ctrl-C ends the process, or an embedding thread is interrupted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return GitOpsPromotionCli.OK;
    }
}
