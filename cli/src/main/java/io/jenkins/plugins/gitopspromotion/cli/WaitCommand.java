package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.deploy.DeploymentStore;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentWaiter;
import io.jenkins.plugins.gitopspromotion.deploy.state.DeploymentState;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.json.Json;
import io.jenkins.plugins.gitopspromotion.pr.ProviderSettings;
import io.jenkins.plugins.gitopspromotion.pr.Providers;
import io.jenkins.plugins.gitopspromotion.pr.RetryPolicy;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Waits until a promotion is merged, deployed or healthy: for a pipeline that promotes further only then. */
@Command(name = "wait", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Wait until an app's version is merged, deployed or healthy in an environment (--timeout: how long, default"
                + " 30m): exit 0 when it is, 1 when the time runs out (saying what was last seen), 3 when the deployment reports"
                + " failed or degraded or the pull request is closed without merging.")
final class WaitCommand implements Callable<Integer> {

    private static final List<DeploymentState> GOALS = List.of(DeploymentState.MERGED, DeploymentState.DEPLOYED,
            DeploymentState.HEALTHY);

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOptions repository;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
    String environment;

    @Option(names = "--app", required = true, paramLabel = "APP", description = "The app.")
    String app;

    @Option(names = "--version", paramLabel = "TAG|DIGEST", description = "The version waited for (default: what the promotion"
            + " branch proposes, else what the base branch has).")
    String version;

    @Option(names = "--until", required = true, paramLabel = "STATE", description = "merged, deployed or healthy.")
    String until;

    /** How long a wait lasts unless {@code --timeout} says. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    /** The network timeout of each fetch and API call while waiting. */
    static final int NETWORK_TIMEOUT_SECONDS = 60;

    @Option(names = "--json", description = "Print the outcome and what was last seen as one JSON object.")
    boolean json;

    @Mixin
    ProviderOptions provider;

    @Override
    public Integer call() throws IOException, InterruptedException {
        DeploymentState goal = DeploymentState.parse(until).filter(GOALS::contains).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "--until: '" + until.replaceAll("\\p{Cntrl}", "?") + "' is not merged, deployed or healthy"));
        // --timeout, every other command's network timeout, is how long wait waits; each fetch keeps a minute.
        Duration timeout = spec.commandLine().getParseResult().hasMatchedOption("--timeout")
                ? Duration.ofSeconds(repository.timeoutSeconds) : DEFAULT_TIMEOUT;
        repository.timeoutSeconds = (int) Math.min(timeout.toSeconds(), NETWORK_TIMEOUT_SECONDS);
        RepositoryLocation location = repository.location(spec);
        Optional<ProviderSettings> settings = provider.settings(spec, provider.access(spec, repository, location));
        MirrorCache cache = repository.cache(spec);
        Path reports = DeploymentReports.folder(cache, location);
        PromotionEngine engine = new PromotionEngine(cache);
        DeploymentWaiter waiter = new DeploymentWaiter(engine, location, repository.auth(spec),
                repository.base, environment, app, Optional.ofNullable(version), () -> DeploymentStore.read(reports),
                settings.map(engine::provider), Clock.systemUTC());
        PrintWriter err = spec.commandLine().getErr();
        String[] last = {null};
        DeploymentWaiter.Result result = waiter.await(goal, timeout, RetryPolicy.Sleeper.REAL, seen -> {
            String line = seen.state().jsonName() + ": " + seen.message();
            if (!line.equals(last[0])) {
                err.println(line); // progress for people; standard output stays for the result
                last[0] = line;
            }
        });
        DeploymentWaiter.Observation seen = result.last();
        String what = app + " " + seen.version() + " in " + environment;
        if (json) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("outcome", result.outcome() == DeploymentWaiter.Outcome.TIMED_OUT ? "timeout"
                    : result.outcome().name().toLowerCase(Locale.ROOT));
            answer.putAll(Json.mapper().convertValue(seen, Map.class));
            spec.commandLine().getOut().println(Json.write(answer, "the outcome of a wait"));
        }
        return switch (result.outcome()) {
            case REACHED -> {
                if (!json) {
                    spec.commandLine().getOut().println(what + " is " + seen.state().jsonName());
                }
                yield GitOpsPromotionCli.OK;
            }
            case FAILED -> {
                err.println("gitops-promotion: " + what + " will not be " + goal.jsonName() + ": " + seen.state().jsonName() + ": "
                        + seen.message());
                yield GitOpsPromotionCli.REFUSED;
            }
            case TIMED_OUT -> {
                err.println("gitops-promotion: " + what + " was not " + goal.jsonName() + " within " + describe(timeout)
                        + "; last seen: " + seen.state().jsonName() + ": " + seen.message());
                yield GitOpsPromotionCli.FAILED;
            }
        };
    }

    /** {@code 30m}, {@code 1h30m}, {@code 90s}: as the option is written. */
    private static String describe(Duration duration) {
        String text = (duration.toHours() > 0 ? duration.toHours() + "h" : "")
                + (duration.toMinutesPart() > 0 ? duration.toMinutesPart() + "m" : "")
                + (duration.toSecondsPart() > 0 ? duration.toSecondsPart() + "s" : "");
        return text.isEmpty() ? "0s" : text;
    }
}
