package io.jenkins.plugins.gitopspromotion.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.deploy.state.CellDeployment;
import io.jenkins.plugins.gitopspromotion.deploy.state.DeploymentState;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.GitTree;
import io.jenkins.plugins.gitopspromotion.git.Mirror;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.pr.ApiException;
import io.jenkins.plugins.gitopspromotion.pr.PullRequest;
import io.jenkins.plugins.gitopspromotion.pr.PullRequestProvider;
import io.jenkins.plugins.gitopspromotion.pr.RetryPolicy;
import io.jenkins.plugins.gitopspromotion.promotion.ChangePlanner;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionException;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * How far a version of an app got in an environment, asked again until it gets as far as wanted: merged (on the base
 * branch), deployed or healthy (a report covers it). Each {@link #poll()} fetches the base branch and the promotion
 * branch, reads the reports kept and the commit statuses of the newest commits, and asks for the promotion's pull
 * request; {@link #await} polls with backoff (5 seconds, growing to a minute) until the goal, a failure, or the timeout.
 * The Jenkins plugin polls on its own schedule instead, and early when a report arrives ({@link DeploymentStore#onAdded}).
 * Not thread-safe: one waiter per wait.
 */
public final class DeploymentWaiter {

    /** The first pause between polls. */
    static final Duration FIRST_INTERVAL = Duration.ofSeconds(5);

    /** The longest pause between polls. */
    static final Duration MAX_INTERVAL = Duration.ofMinutes(1);

    /** How a wait ended. */
    public enum Outcome {
        /** The version got as far as wanted. */
        REACHED,
        /** The agent reported it failed or degraded, or its pull request was closed without merging: it will not get there. */
        FAILED,
        /** The time ran out first. */
        TIMED_OUT
    }

    /**
     * What one poll saw.
     *
     * @param env the environment
     * @param app the app
     * @param version the version waited for, as people read it
     * @param state how far it got
     * @param revision the commit the deciding report was about, else the commit that set the version, else the promotion
     *     branch's tip; null when there is none yet
     * @param reportedAt when the deciding report was made, or null
     * @param source the deciding report's source, or null
     * @param message what was seen, in words
     * @param closed whether the version's pull request was closed without merging
     */
    @JsonPropertyOrder({"env", "app", "version", "state", "revision", "reportedAt", "source", "message"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Observation(String env, String app, String version, DeploymentState state, String revision, String reportedAt,
            String source, String message, @com.fasterxml.jackson.annotation.JsonIgnore boolean closed) {

        /** How the wait ends with this observation, if it does. */
        public Optional<Outcome> judge(DeploymentState goal) {
            if (state.reaches(goal)) {
                return Optional.of(Outcome.REACHED);
            }
            return state.broken() || closed ? Optional.of(Outcome.FAILED) : Optional.empty();
        }
    }

    /**
     * How a wait ended.
     *
     * @param outcome the outcome
     * @param last what the last poll saw
     */
    public record Result(Outcome outcome, Observation last) {
    }

    private final PromotionEngine engine;
    private final RepositoryLocation repository;
    private final GitAuth auth;
    private final String base;
    private final String env;
    private final String app;
    private final Optional<String> version;
    private final DeploymentTracker.Reports reports;
    private final Optional<PullRequestProvider> provider;
    private final Optional<CommitStatusReader> statuses;
    private final Clock clock;
    private final ChangePlanner planner = new ChangePlanner(YamlLimits.DEFAULT);
    private boolean sawPullRequest;

    /**
     * @param version the tag (or digest, {@code sha256:…}) waited for; empty: what the promotion branch proposes, else what
     *     the base branch has
     * @param reports the reports kept
     * @param provider the Git host, for the pull request and the commit statuses, when one is configured
     */
    public DeploymentWaiter(PromotionEngine engine, RepositoryLocation repository, GitAuth auth, String base, String env, String app,
            Optional<String> version, DeploymentTracker.Reports reports, Optional<PullRequestProvider> provider, Clock clock) {
        this.engine = engine;
        this.repository = repository;
        this.auth = auth;
        this.base = base;
        this.env = env;
        this.app = app;
        this.version = version;
        this.reports = reports;
        this.provider = provider;
        this.statuses = provider.map(p -> new CommitStatusReader(p, clock));
        this.clock = clock;
    }

    /**
     * Polls until the version gets as far as {@code goal}, fails, or {@code timeout} passes.
     *
     * @param goal {@code merged}, {@code deployed} or {@code healthy}
     * @param sleeper waits between polls
     * @param seen told each observation, so that a person can follow
     * @throws IOException if the repository cannot be reached or the config names no such app or environment
     * @throws InterruptedException if interrupted while waiting
     */
    public Result await(DeploymentState goal, Duration timeout, RetryPolicy.Sleeper sleeper, Consumer<Observation> seen)
            throws IOException, InterruptedException {
        Instant end = clock.instant().plus(timeout);
        Duration interval = nextInterval(null);
        while (true) {
            Observation observed = poll();
            seen.accept(observed);
            Optional<Outcome> outcome = observed.judge(goal);
            if (outcome.isPresent()) {
                return new Result(outcome.get(), observed);
            }
            Duration left = Duration.between(clock.instant(), end);
            if (left.isNegative() || left.isZero()) {
                return new Result(Outcome.TIMED_OUT, observed);
            }
            sleeper.sleep(interval.compareTo(left) < 0 ? interval : left);
            interval = nextInterval(interval);
        }
    }

    /**
     * The pause after {@code previous} between polls: half as long again, at most {@link #MAX_INTERVAL}; the first is
     * {@link #FIRST_INTERVAL}. For hosts that poll on timers of their own instead of {@link #await} (the Jenkins step).
     *
     * @param previous the pause before, or null for the first
     */
    public static Duration nextInterval(Duration previous) {
        if (previous == null) {
            return FIRST_INTERVAL;
        }
        Duration next = previous.multipliedBy(3).dividedBy(2);
        return next.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : next;
    }

    /**
     * Looks once.
     *
     * @throws IOException if the repository cannot be reached
     * @throws PromotionException if the config has no such app or environment, or the base branch does not exist
     */
    public Observation poll() throws IOException {
        String branch = PromotionEngine.branchFor(env, app);
        Optional<PullRequest> pullRequest = pullRequest(branch);
        return engine.withMirror(repository, auth, List.of(base, PromotionEngine.BRANCH_PREFIX + env + "/*"), mirror -> {
            RevCommit tip = mirror.branch(base).orElseThrow(() -> new PromotionException("the branch " + base + " does not exist in "
                    + repository));
            PromotionConfig config = engine.config(new GitTree(mirror.repository(), tip));
            App found = config.app(app).orElseThrow(() -> new PromotionException("no app " + app + " in " + config.source()));
            Environment environment = config.environment(env).orElseThrow(() -> new PromotionException("no environment " + env
                    + " in " + config.source()));
            CellRef cell = new CellRef(env, app);
            Optional<CellHistory> history = CellHistory.read(mirror.repository(), mirror.history(base), tip, config, found,
                    environment, planner);
            Optional<ImageVersion> proposed = proposed(mirror, branch, config, found, environment);
            Optional<String> wanted = version.or(() -> proposed.flatMap(p -> p.tag().or(() -> p.digest().map(Object::toString)))
                    .filter(p -> history.isEmpty() || !matches(history.get().version().tag(), history.get().version().digest(), p)))
                    .or(() -> history.flatMap(h -> h.version().tag().or(() -> h.version().digest())));
            if (wanted.isEmpty()) {
                return observe(cell, "(none)", DeploymentState.PENDING, null, env + " has no version of " + app
                        + " and no promotion branch proposes one");
            }
            Optional<CellVersion> onBase = history.flatMap(h -> merged(h, wanted.get()));
            if (onBase.isEmpty()) {
                return pendingOrGone(cell, wanted.get(), mirror, branch, proposed, pullRequest);
            }
            return deployment(mirror, tip, config, onBase.get(), wanted.get(), history.get().version());
        });
    }

    /**
     * The version waited for on the base branch: the current one, or an earlier one a later promotion superseded (then
     * what covers its commit still tells how far it got).
     */
    private static Optional<CellVersion> merged(CellHistory history, String wanted) {
        CellVersion current = history.version();
        if (matches(current.tag(), current.digest(), wanted)) {
            return Optional.of(current);
        }
        List<CellHistory.Promotion> promotions = history.promotions();
        for (int i = promotions.size() - 1; i >= 0; i--) {
            CellHistory.Promotion p = promotions.get(i);
            Optional<String> digest = p.version().digest().map(Object::toString);
            if (matches(p.version().tag(), digest, wanted)) {
                return Optional.of(new CellVersion(current.cell(), p.version().tag(), digest, p.commit(), p.at(), false));
            }
        }
        return Optional.empty();
    }

    /** How far a merged version got, from the reports kept and the commit statuses. */
    private Observation deployment(Mirror mirror, RevCommit tip, PromotionConfig config, CellVersion merged, String wanted,
            CellVersion current) throws IOException {
        List<String> warnings = new ArrayList<>();
        List<DeploymentReport> all = new ArrayList<>(reports.get());
        if (statuses.isPresent()) {
            all.addAll(statuses.get().read(mirror.repository(), tip, merged.setBy(), warnings));
        }
        Optional<CellDeployment> deployment = new DeploymentStates(new DeploymentMapping(config), all,
                new GitAncestry(mirror.repository()), clock.instant()).of(merged);
        String superseded = merged.equals(current) ? "" : "superseded by " + current.label() + " on " + base + "; ";
        String note = warnings.isEmpty() ? "" : " (" + String.join("; ", warnings) + ")";
        if (deployment.isEmpty()) {
            return new Observation(env, app, wanted, DeploymentState.MERGED, merged.setBy(), null, null, superseded + wanted + " is on "
                    + base + "; " + env + " lists no deployments and no report is about " + app + " there, so nothing tells whether"
                    + " it was deployed" + note, false);
        }
        CellDeployment d = deployment.get();
        return new Observation(env, app, wanted, d.state(), d.revision() != null ? d.revision() : merged.setBy(), d.reportedAt(),
                d.source(), superseded + d.message() + note, false);
    }

    /** The version only the promotion branch has, or the pull request closed without merging it, or nowhere yet. */
    private Observation pendingOrGone(CellRef cell, String wanted, Mirror mirror, String branch, Optional<ImageVersion> proposed,
            Optional<PullRequest> pullRequest) throws IOException {
        Optional<RevCommit> branchTip = mirror.branch(branch);
        if (proposed.filter(p -> matches(p.tag(), p.digest().map(Object::toString), wanted)).isEmpty()) {
            return observe(cell, wanted, DeploymentState.PENDING, null, "neither " + base + " nor " + branch + " has " + wanted
                    + " yet");
        }
        String revision = branchTip.map(RevCommit::name).orElse(null);
        if (pullRequest.isPresent()) {
            return observe(cell, wanted, DeploymentState.PENDING, revision, wanted + " waits in pull request #"
                    + pullRequest.get().number() + " (" + pullRequest.get().url() + ")");
        }
        if (sawPullRequest) {
            return new Observation(env, app, wanted, DeploymentState.PENDING, revision, null, null, "the pull request of " + branch
                    + " was closed without merging " + wanted, true);
        }
        return observe(cell, wanted, DeploymentState.PENDING, revision, "only " + branch + " has " + wanted);
    }

    /** The open pull request of the promotion branch, asked before Git is read, so that a merge it reports is fetched. */
    private Optional<PullRequest> pullRequest(String branch) {
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<PullRequest> open = provider.get().findOpen(branch, base);
            sawPullRequest |= open.isPresent();
            return open;
        } catch (ApiException e) {
            return Optional.empty(); // the next poll asks again; Git alone still tells merged
        }
    }

    private Optional<ImageVersion> proposed(Mirror mirror, String branch, PromotionConfig config, App found, Environment environment)
            throws IOException {
        Optional<RevCommit> branchTip = mirror.branch(branch);
        if (branchTip.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<ImageVersion> versions = planner.current(new GitTree(mirror.repository(), branchTip.get()), config, found, environment);
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
        } catch (RuntimeException e) {
            return Optional.empty(); // a branch whose files cannot be read proposes nothing
        }
    }

    /** Whether a version is the one waited for, named by its tag or its digest. */
    private static boolean matches(Optional<String> tag, Optional<String> digest, String wanted) {
        return tag.filter(wanted::equals).isPresent() || digest.filter(wanted::equals).isPresent();
    }

    private Observation observe(CellRef cell, String wanted, DeploymentState state, String revision, String message) {
        return new Observation(cell.env(), cell.app(), wanted, state, revision, null, null, message, false);
    }
}
