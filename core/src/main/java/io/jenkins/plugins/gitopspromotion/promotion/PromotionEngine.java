package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.ConfigException;
import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.Gates;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.PromotionMode;
import io.jenkins.plugins.gitopspromotion.config.RepoTree;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentTracker;
import io.jenkins.plugins.gitopspromotion.deploy.SoakGate;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.GitTree;
import io.jenkins.plugins.gitopspromotion.git.Mirror;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.PushOutcome;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.git.TreeCommitter;
import io.jenkins.plugins.gitopspromotion.guard.AuditReport;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryFinding;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryMode;
import io.jenkins.plugins.gitopspromotion.guard.ConfigAudit;
import io.jenkins.plugins.gitopspromotion.guard.CredentialBoundary;
import io.jenkins.plugins.gitopspromotion.guard.Finding;
import io.jenkins.plugins.gitopspromotion.guard.Severity;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.policy.Hold;
import io.jenkins.plugins.gitopspromotion.policy.HoldFile;
import io.jenkins.plugins.gitopspromotion.pr.ApiException;
import io.jenkins.plugins.gitopspromotion.pr.ProviderSettings;
import io.jenkins.plugins.gitopspromotion.pr.Providers;
import io.jenkins.plugins.gitopspromotion.pr.PullRequest;
import io.jenkins.plugins.gitopspromotion.pr.PullRequestDraft;
import io.jenkins.plugins.gitopspromotion.pr.PullRequestProvider;
import io.jenkins.plugins.gitopspromotion.pr.PullRequests;
import io.jenkins.plugins.gitopspromotion.pr.RetryPolicy;
import io.jenkins.plugins.gitopspromotion.update.FileChange;
import io.jenkins.plugins.gitopspromotion.update.ImageUpdate;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Carries out promotions against a config repository, one way through:
 * fetch the base branch into the cached mirror, resolve the config, app, environment and version, check the
 * cell's hold, the environment's gates and {@code requires}, plan the byte-exact edits (a rollback also holds its cell, a
 * release removes the hold), build the commit in memory (signed, when the request
 * names a {@link io.jenkins.plugins.gitopspromotion.git.CommitSigner}), and push it with the
 * old id the push expects. A push that loses a race to another build is answered by fetching and doing all of
 * it again on the new tip, a bounded number of times with jittered backoff; nothing is ever force-pushed to the
 * base branch.
 */
public final class PromotionEngine {

    /** Branches a promotion pushes in {@code branch} and {@code pull-request} modes live under this prefix. */
    public static final String BRANCH_PREFIX = PromotionBranch.PREFIX;

    private final MirrorCache cache;
    private final ChangePlanner planner;
    private final int maxAttempts;
    private final Function<ProviderSettings, PullRequestProvider> providers;
    private final Supplier<List<BoundaryFinding>> boundary;
    private final YamlLimits limits;
    private final ConfigCache configs;
    private volatile Clock clock = Clock.systemUTC();
    private volatile Function<RepositoryLocation, DeploymentTracker.Reports> reports;
    private final BranchPruner pruner;
    private final BundlePromotion bundles;

    /**
     * @param cache where the mirrors are kept
     * @param limits bounds for every file read
     * @param maxAttempts how many times a promotion is tried when pushes lose races
     */
    public PromotionEngine(MirrorCache cache, YamlLimits limits, int maxAttempts) {
        this(cache, limits, maxAttempts, providersOf(cache));
    }

    /**
     * @param cache where the mirrors are kept
     * @param limits bounds for every file read
     * @param maxAttempts how many times a promotion is tried when pushes lose races
     * @param providers makes the pull-request provider for a request's settings
     */
    public PromotionEngine(MirrorCache cache, YamlLimits limits, int maxAttempts,
            Function<ProviderSettings, PullRequestProvider> providers) {
        this(cache, limits, maxAttempts, providers, () -> CredentialBoundary.current().findings());
    }

    /**
     * @param cache where the mirrors are kept
     * @param limits bounds for every file read
     * @param maxAttempts how many times a promotion is tried when pushes lose races
     * @param providers makes the pull-request provider for a request's settings
     * @param boundary the cluster credentials within reach (the Jenkins plugin checks the build's agent)
     */
    public PromotionEngine(MirrorCache cache, YamlLimits limits, int maxAttempts,
            Function<ProviderSettings, PullRequestProvider> providers, Supplier<List<BoundaryFinding>> boundary) {
        this.boundary = boundary;
        this.limits = limits;
        this.cache = cache;
        this.configs = new ConfigCache(cache.root().resolve("config-index"));
        this.planner = new ChangePlanner(limits);
        this.pruner = new BranchPruner(planner);
        this.maxAttempts = maxAttempts;
        this.providers = providers;
        this.bundles = new BundlePromotion(this, planner, providers, maxAttempts);
    }

    /** An engine with default limits and ten attempts. */
    public PromotionEngine(MirrorCache cache) {
        this(cache, YamlLimits.DEFAULT, 10);
    }

    /**
     * An engine with default limits, ten attempts and the default providers, for a host that knows what is within
     * reach of its promotions (the Jenkins plugin: an agent, or the controller).
     */
    public PromotionEngine(MirrorCache cache, Supplier<List<BoundaryFinding>> boundary) {
        this(cache, YamlLimits.DEFAULT, 10, providersOf(cache), boundary);
    }

    /** The default providers, reaching their APIs through the cache's proxy, as its Git connections do. */
    private static Function<ProviderSettings, PullRequestProvider> providersOf(MirrorCache cache) {
        return settings -> Providers.create(settings, RetryPolicy.DEFAULT, cache.network().proxy());
    }

    /**
     * Sets the clock that dates the holds rollbacks place and tells the freeze windows and soaks where they stand (tests
     * move it by hand).
     *
     * @return this engine
     */
    public PromotionEngine withClock(Clock value) {
        this.clock = value;
        return this;
    }

    /**
     * Sets where the deployment reports of a repository are kept, for the {@code soak} gate; without it an environment
     * with a soak refuses every promotion, saying that no reports are kept here.
     *
     * @return this engine
     */
    public PromotionEngine withReports(Function<RepositoryLocation, DeploymentTracker.Reports> value) {
        this.reports = value;
        return this;
    }

    /** The pull-request provider this engine uses for {@code settings}. */
    public PullRequestProvider provider(ProviderSettings settings) {
        return providers.apply(settings);
    }

    /** The branch a promotion of {@code app} into {@code environment} is pushed to outside {@code commit} mode. */
    public static String branchFor(String environment, String app) {
        return PromotionBranch.of(environment, app);
    }

    /**
     * Promotes, or rolls back, as the request says.
     *
     * @return promoted, unchanged, planned (dry run), or refused (the environment's {@code requires} is not met)
     * @throws PromotionException if the request cannot be carried out; nothing was pushed
     * @throws IOException if the repository cannot be reached; the message names it, never a credential
     */
    public PromotionResult promote(PromotionRequest request) throws IOException {
        List<BoundaryFinding> findings = request.boundary() == BoundaryMode.OFF ? List.of() : boundary.get();
        List<String> refusing = findings.stream().filter(BoundaryFinding::refuses).map(f -> f.kind() + ": " + f.where()).toList();
        if (!refusing.isEmpty() && request.boundary() == BoundaryMode.ENFORCE) {
            return new PromotionResult(PromotionResult.Status.REFUSED, request.environment(), request.app().orElse(null),
                    request.image().map(ImageReference::name).orElse(null), null, null, null, null, null, List.of(),
                    "cluster credentials within reach of this process (" + String.join("; ", refusing) + "): a promotion"
                            + " needs none; run gitops-promotion check-boundary for how to remove them", List.of());
        }
        List<String> warnings = findings.stream().map(f -> (f.refuses() ? "cluster credentials within reach: "
                : "noted, refuses nothing: ") + f.kind() + ": " + f.where()).toList();
        List<String> branches = List.of(request.base(), BRANCH_PREFIX + request.environment() + "/*");
        return withMirror(request.repository(), request.auth(), branches, mirror -> promote(mirror, branches, request))
                .withWarnings(warnings);
    }

    /** Work done with a mirror: may fail on the network or on a damaged object database. */
    @FunctionalInterface
    public interface MirrorWork<T> {
        /** Does the work while the mirror is locked and open. */
        T run(Mirror mirror) throws IOException;
    }

    /**
     * Runs {@code work} on the repository's mirror, with {@code branches} fetched (the promotion view reads its
     * state this way). A mirror that turns out damaged half-way is never trusted again: it is discarded, rebuilt
     * from the server, and the work done once more from the start.
     *
     * @throws IOException if the repository cannot be reached; the message names it, never a credential
     */
    public <T> T withMirror(RepositoryLocation repository, GitAuth auth, List<String> branches, MirrorWork<T> work)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            try (Mirror mirror = cache.open(repository, auth, branches)) {
                try {
                    return work.run(mirror);
                } catch (IOException | RuntimeException e) {
                    if (attempt > 1 || !MirrorCache.isCorruption(e)) {
                        throw e;
                    }
                    mirror.discard();
                }
            } catch (IOException e) {
                throw cache.explain(e);
            }
        }
    }

    private PromotionResult promote(Mirror mirror, List<String> branches, PromotionRequest request) throws IOException {
        if (request.isBundle()) {
            return bundles.promote(mirror, branches, request);
        }
        List<String> pruned = new ArrayList<>();
        PromotionResult result = attempts(mirror, branches, request, pruned);
        return result.withWarnings(pruned);
    }

    /**
     * Tries the promotion until a push lands or it is refused, each time on the base branch's tip as fetched; the first
     * attempt first cleans up the cell's own branch if it has become moot, saying so in {@code pruned}.
     */
    private PromotionResult attempts(Mirror mirror, List<String> branches, PromotionRequest request, List<String> pruned)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            RevCommit tip = mirror.branch(request.base()).orElseThrow(() -> new PromotionException(
                    "the branch " + request.base() + " does not exist in " + request.repository()));
            Attempt current = resolve(mirror, tip, request);
            if (attempt == 1 && !request.dryRun()) {
                pruneOwnBranch(mirror, tip, current, request).forEach(p -> pruned.add(p.describe()));
            }
            HoldFile holds = HoldFile.read(current.tree());
            Decision decision = current.release() ? release(current, holds, tip, request)
                    : decide(mirror, tip, current, holds, request);
            if (decision.ended() != null) {
                return decision.ended();
            }
            Proposal proposal = decision.proposal();
            if (request.dryRun()) {
                return result(PromotionResult.Status.PLANNED, current, null, null, proposal.paths(), proposal.title()
                        + " (dry run: nothing pushed)");
            }
            Optional<PromotionResult> landed = current.mode() == PromotionMode.COMMIT
                    ? commitToBase(mirror, tip, proposal, current, request)
                    : pushBranch(mirror, tip, proposal, current, request);
            if (landed.isPresent()) {
                return landed.get();
            }
            if (attempt >= maxAttempts) {
                throw new PromotionException("gave up promoting " + current.app().name() + " to " + request.environment()
                        + " after " + attempt + " attempts: every push lost a race with another change to "
                        + request.repository() + "; try again");
            }
            backoff(attempt);
            mirror.fetch(branches);
        }
    }

    /** How the checks of an attempt end: with a result (refused, unchanged), or with what to write. */
    private record Decision(PromotionResult ended, Proposal proposal) {
        static Decision end(PromotionResult result) {
            return new Decision(result, null);
        }

        static Decision write(Proposal proposal) {
            return new Decision(null, proposal);
        }
    }

    /**
     * What an attempt writes and how it is proposed.
     *
     * @param files the new content of each file written
     * @param title the commit's title, and the pull request's
     * @param message the whole commit message
     * @param body the pull request's body, given whether the provider hides HTML comments
     * @param branch the branch proposing it outside {@code commit} mode
     * @param what what the branch proposes, for the message when it already does
     */
    private record Proposal(Map<String, byte[]> files, String title, String message, Function<Boolean, String> body,
            String branch, String what) {
        List<String> paths() {
            return List.copyOf(files.keySet());
        }
    }

    /**
     * The checks and the plan of a promotion or rollback: {@link #refusal}, a change at all, and the secrets guard; what it
     * overrides recorded in trailers.
     */
    private Decision decide(Mirror mirror, RevCommit tip, Attempt current, HoldFile holds, PromotionRequest request)
            throws IOException {
        String app = current.app().name();
        String env = current.environment().name();
        Optional<Gates.Frozen> frozen = frozen(current);
        Optional<String> refusal = refusal(mirror, tip, current, holds, frozen, request);
        if (refusal.isPresent()) {
            return Decision.end(result(PromotionResult.Status.REFUSED, current, null, null, List.of(), refusal.get()));
        }
        ChangePlan plan = planner.plan(current.tree(), current.config(), current.app(), current.environment(),
                current.update());
        if (!plan.changed()) {
            return Decision.end(result(PromotionResult.Status.UNCHANGED, current, tip.name(), null, List.of(),
                    request.environment() + " already has " + app + " " + plan.labelBefore()));
        }
        Optional<String> secrets = secretsIn(current, plan);
        if (secrets.isPresent()) {
            return Decision.end(result(PromotionResult.Status.REFUSED, current, null, null, paths(plan), secrets.get()));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        plan.changedFiles().forEach(file -> files.put(file.path(), file.after()));
        String message = PromotionMessage.of(plan, current.provenance(), current.rollback());
        Function<Boolean, String> body = hides -> PullRequestBody.render(plan, current.provenance(), hides);
        if (current.rollback()) {
            Hold hold = placedHold(mirror, current, plan, request);
            files.put(HoldFile.PATH, holds.place(hold));
            message = PromotionMessage.withTrailer(message, PromotionMessage.HOLD_TRAILER, hold.reason());
            body = body.andThen(text -> text + CellHolds.holdNote(hold));
        }
        for (Map.Entry<String, String> trailer : overrides(current, holds, frozen, request).entrySet()) {
            message = PromotionMessage.withTrailer(message, trailer.getKey(), trailer.getValue());
        }
        return Decision.write(new Proposal(files, PromotionMessage.title(plan, current.rollback()), message, body,
                branchFor(env, app), app + " " + current.update().label() + " for " + env));
    }

    /** Why a promotion inside a freeze window is refused: until when, which window, and the way out. */
    private static String frozenRefusal(String env, Gates.Frozen frozen) {
        return env + " is frozen until " + frozen.until().toOffsetDateTime() + " (" + frozen.until().getZone().getId()
                + "): gates.freeze[" + frozen.index() + "] of " + env + " in " + ConfigLoader.CONFIG_PATH + ", "
                + frozen.window().describe() + "; promote with --override-freeze --reason TEXT in an emergency";
    }

    /**
     * The hold a rollback places: by who asked (the person, else the commit's author), now, for the reason given or
     * else the rollback's title. Proposed again on a branch that already has it, it keeps the time it has there, so
     * that the branch holds the same change and is not pushed again.
     */
    private Hold placedHold(Mirror mirror, Attempt current, ChangePlan plan, PromotionRequest request) throws IOException {
        String app = current.app().name();
        String env = current.environment().name();
        String by = request.promotedBy().orElse(request.author().getName() + " <" + request.author().getEmailAddress() + ">");
        String reason = request.reason().orElse(PromotionMessage.title(plan, true));
        Optional<RevCommit> proposed = current.mode() == PromotionMode.COMMIT ? Optional.empty()
                : mirror.branch(branchFor(env, app));
        Optional<Instant> earlier = Optional.empty();
        if (proposed.isPresent()) {
            try {
                earlier = HoldFile.read(new GitTree(mirror.repository(), proposed.get())).of(app, env)
                        .filter(h -> h.by().equals(by) && h.reason().equals(reason)).map(Hold::at);
            } catch (ConfigException e) {
                earlier = Optional.empty(); // a branch with a broken holds file is replaced, not read
            }
        }
        return new Hold(app, env, by, earlier.orElseGet(clock::instant), reason);
    }

    /** A release: the cell's hold removed from the holds file; unchanged when the cell is not held. */
    private static Decision release(Attempt current, HoldFile holds, RevCommit tip, PromotionRequest request) {
        String app = current.app().name();
        String env = current.environment().name();
        Optional<Hold> hold = holds.of(app, env);
        if (hold.isEmpty()) {
            return Decision.end(result(PromotionResult.Status.UNCHANGED, current, tip.name(), null, List.of(),
                    app + " is not held in " + env));
        }
        String title = CellHolds.releaseTitle(hold.get());
        return Decision.write(new Proposal(Map.of(HoldFile.PATH, holds.release(app, env)), title,
                CellHolds.releaseMessage(hold.get(), request.reason(), request.promotedBy()),
                hides -> CellHolds.releaseBody(hold.get(), request.reason()), CellHolds.releaseBranch(env, app),
                "the release of the hold on " + app + " in " + env));
    }

    /**
     * The cell's own promotion branch, cleaned up if it has become moot (its version landed on the base branch, or was
     * overtaken there), so that what follows proposes afresh rather than on a pull request that no longer means anything.
     */
    private List<PrunedBranch> pruneOwnBranch(Mirror mirror, RevCommit tip, Attempt current, PromotionRequest request)
            throws IOException {
        String branch = branchFor(current.environment().name(), current.app().name());
        if (mirror.branch(branch).isEmpty()) {
            return List.of();
        }
        return pruner.prune(mirror, tip, request.base(), current.config(), List.of(branch), provider(request), false);
    }

    /** The pull-request provider a request names, if any. */
    private Optional<PullRequestProvider> provider(PromotionRequest request) {
        return request.pullRequests().map(providers);
    }

    /**
     * Cleans up the moot promotion branches of the repository a promotion went to, with the provider it names: the
     * housekeeping a host runs after its promotions. Never fails the promotion it follows: what could not be done is a
     * line like the others.
     *
     * @return one line per branch cleaned up (or left, or failed), for people
     */
    public List<String> pruneAfter(PromotionRequest request) {
        try {
            return prune(request.repository(), request.auth(), request.base(), provider(request), false).stream()
                    .map(PrunedBranch::describe).toList();
        } catch (IOException | RuntimeException e) {
            return List.of("the moot promotion branches could not be cleaned up: " + e.getMessage());
        }
    }

    /**
     * Cleans up the repository's moot promotion branches ({@link BranchPruner}): closes their pull requests with a comment
     * naming the commit that made them moot, and deletes the branches.
     *
     * @param provider the Git host's pull requests; without it, branches of {@code pull-request} environments are kept
     * @param dryRun say what would be done, do nothing
     * @throws IOException if the repository cannot be reached
     */
    public List<PrunedBranch> prune(RepositoryLocation repository, GitAuth auth, String base,
            Optional<PullRequestProvider> provider, boolean dryRun) throws IOException {
        return withMirror(repository, auth, List.of(base, BRANCH_PREFIX + "*"), mirror -> {
            RevCommit tip = mirror.branch(base).orElseThrow(() -> new PromotionException(
                    "the branch " + base + " does not exist in " + repository));
            return pruner.prune(mirror, tip, base, configs.load(new GitTree(mirror.repository(), tip)),
                    mirror.branches(BRANCH_PREFIX), provider, dryRun);
        });
    }

    /**
     * The environment × app matrix of a repository's base branch, with what promotion branches propose.
     *
     * @throws IOException if the repository cannot be reached
     */
    public StatusReport status(RepositoryLocation repository,
            GitAuth auth, String base) throws IOException {
        return withMirror(repository, auth, List.of(base, BRANCH_PREFIX + "*"), mirror -> status(mirror, base));
    }

    /**
     * The matrix of a mirror's base branch as last fetched (with {@link #BRANCH_PREFIX}{@code *}), for work that reads
     * more in the same mirror session (the deployment states).
     *
     * @throws PromotionException if the branch does not exist
     */
    public StatusReport status(Mirror mirror, String base) throws IOException {
        RevCommit tip = mirror.branch(base).orElseThrow(() -> new PromotionException(
                "the branch " + base + " does not exist in " + mirror.location()));
        GitTree tree = new GitTree(mirror.repository(), tip);
        Map<String, RepoTree> pending = new LinkedHashMap<>();
        for (String branch : mirror.branches(BRANCH_PREFIX)) {
            pending.put(branch, new GitTree(mirror.repository(), mirror.branch(branch).orElseThrow()));
        }
        return StatusReport.read(mirror.location().toString(), base, tip.name(), tree, configs.load(tree), planner, pending);
    }

    /** The config of a tree, read through the engine's index cache. */
    public PromotionConfig config(GitTree tree) throws IOException {
        return configs.load(tree);
    }

    /** Work done with the files of a base branch while its mirror is held. */
    @FunctionalInterface
    public interface TreeWork<T> {
        /**
         * @param tree the branch's files, readable only during the call
         * @param commit the id of the branch's tip
         */
        T run(RepoTree tree, String commit) throws IOException;
    }

    /**
     * Runs {@code work} on the files of a repository's base branch, fetched into the cached mirror and read from
     * it without a checkout; the mirror stays locked during the call (the tree is not valid after it).
     *
     * @throws PromotionException if the branch does not exist
     * @throws IOException if the repository cannot be reached; the message names it, never a credential
     */
    public <T> T readBase(RepositoryLocation repository, GitAuth auth, String base, TreeWork<T> work) throws IOException {
        return withMirror(repository, auth, List.of(base), mirror -> {
            RevCommit tip = mirror.branch(base).orElseThrow(() -> new PromotionException(
                    "the branch " + base + " does not exist in " + repository));
            return work.run(new GitTree(mirror.repository(), tip), tip.name());
        });
    }

    /** Everything one attempt works from, resolved against the base branch's current tip. */
    record Attempt(GitTree tree, PromotionConfig config, App app, Environment environment, ImageUpdate update,
            PromotionMode mode, Provenance provenance, boolean rollback) {
        /** Whether this is a release, which sets no version ({@code update} is null). */
        boolean release() {
            return update == null;
        }
    }

    private Attempt resolve(Mirror mirror, RevCommit tip, PromotionRequest request) throws IOException {
        GitTree tree = new GitTree(mirror.repository(), tip);
        PromotionConfig config = configs.loadFor(tree, request);
        Environment environment = environment(config, request);
        App app = request.app()
                .map(name -> app(config, name))
                .orElseGet(() -> config.appForImage(request.image().orElseThrow()).orElseThrow(() -> new PromotionException(
                        "no app in " + config.source() + " uses the image " + request.image().get().name())));
        return attempt(mirror, tip, tree, config, app, environment, request);
    }

    /** What one attempt at promoting {@code app} works from: its version, its mode and the provenance. */
    Attempt attempt(Mirror mirror, RevCommit tip, GitTree tree, PromotionConfig config, App app, Environment environment,
            PromotionRequest request) throws IOException {
        ImageUpdate update = version(mirror, tip, tree, config, app, environment, request);
        boolean rollback = request.version() instanceof VersionSource.Rollback;
        Optional<String> from = request.version() instanceof VersionSource.FromEnvironment f
                ? Optional.of(f.environment()) : Optional.empty();
        Provenance provenance = new Provenance(from, request.buildUrl(), request.sourceCommit(), request.sourceUrl(),
                request.promotedBy(), request.sourceTime());
        return new Attempt(tree, config, app, environment, update, request.mode().orElse(environment.mode()), provenance,
                rollback);
    }

    /** The environment a request promotes into. */
    static Environment environment(PromotionConfig config, PromotionRequest request) {
        return config.environment(request.environment()).orElseThrow(() -> new PromotionException(
                "no environment " + request.environment() + " in " + config.source() + "; environments: "
                        + String.join(", ", config.environments().stream().map(Environment::name).toList())));
    }

    /** An app of the config by name. */
    static App app(PromotionConfig config, String name) {
        return config.app(name).orElseThrow(() -> new PromotionException("no app " + name + " in " + config.source() + "; apps: "
                + String.join(", ", config.apps().stream().map(App::name).toList())));
    }

    /**
     * Why an app's version may not go into the environment now: a hold on its cell (unless overridden; a rollback replaces
     * it), a freeze window it is in (unless overridden), its digest not pinned where the environment pins digests, the
     * environment's {@code requires}, or its {@code soak}. A rollback is held to the pinned digest alone.
     *
     * @param frozen the freeze window the environment is in, {@link #frozen} read once per attempt
     */
    Optional<String> refusal(Mirror mirror, RevCommit tip, Attempt current, HoldFile holds, Optional<Gates.Frozen> frozen,
            PromotionRequest request) throws IOException {
        String env = current.environment().name();
        Optional<String> refusal = current.rollback() ? Optional.empty()
                : CellHolds.refusal(holds, current.app().name(), env, request.overrideHold());
        if (refusal.isEmpty() && frozen.isPresent() && !request.overrideFreeze()) {
            refusal = Optional.of(frozenRefusal(env, frozen.get()));
        }
        refusal = refusal.or(() -> unpinnedDigest(current));
        if (refusal.isEmpty() && !current.rollback()) {
            refusal = unmetRequirement(current.tree(), current.config(), current.app(), current.environment(), current.update());
        }
        if (refusal.isEmpty() && !current.rollback()) {
            refusal = SoakGate.refusal(mirror.repository(), mirror.history(request.base()), tip, current.config(), current.app(),
                    current.environment(), current.update(), Optional.ofNullable(reports).map(r -> r.apply(request.repository())),
                    clock.instant());
        }
        return refusal;
    }

    /** The freeze window the environment is in now, if any; a rollback is never frozen. */
    Optional<Gates.Frozen> frozen(Attempt current) {
        return current.rollback() ? Optional.empty() : current.environment().gates().frozenAt(clock.instant());
    }

    /**
     * The trailers recording what a promotion overrides: the hold on its cell ({@code Hold-Overridden}), the freeze window
     * of its environment ({@code Freeze-Overridden}), each with the request's reason.
     */
    Map<String, String> overrides(Attempt current, HoldFile holds, Optional<Gates.Frozen> frozen, PromotionRequest request) {
        Map<String, String> trailers = new LinkedHashMap<>();
        if (!current.rollback() && holds.of(current.app().name(), current.environment().name()).isPresent()) {
            trailers.put(PromotionMessage.HOLD_OVERRIDDEN_TRAILER, request.reason().orElseThrow());
        }
        if (frozen.isPresent()) {
            trailers.put(PromotionMessage.FREEZE_OVERRIDDEN_TRAILER, request.reason().orElseThrow());
        }
        return trailers;
    }

    /** The version to set, from the request: given, taken from another environment, from history, or null for a release. */
    private ImageUpdate version(Mirror mirror, RevCommit tip, GitTree tree, PromotionConfig config, App app,
            Environment environment, PromotionRequest request) throws IOException {
        VersionSource source = request.version();
        if (source instanceof VersionSource.Release) {
            return null;
        }
        if (source instanceof VersionSource.Given given) {
            return new ImageUpdate(app.names(), given.tag(), given.digest(), requestedName(request, app));
        }
        if (source instanceof VersionSource.FromEnvironment from) {
            if (from.environment().equals(environment.name())) {
                throw new PromotionException("--from names the environment promoted into (" + environment.name() + ")");
            }
            Environment upstream = config.environment(from.environment()).orElseThrow(() -> new PromotionException(
                    "no environment " + from.environment() + " to promote from in " + config.source()));
            ImageVersion version = single(planner.current(tree, config, app, upstream), app, upstream);
            return new ImageUpdate(app.names(), version.tag(), version.digest(), carriedName(version, app));
        }
        VersionSource.Rollback rollback = (VersionSource.Rollback) source;
        // Without a tag, history is read (and, in a shallow mirror, fetched) only as far as the previous version.
        List<VersionHistory.Entry> history = rollback.toTag().isPresent()
                ? VersionHistory.of(mirror.repository(), mirror.history(request.base()), tip, config, app, environment, planner,
                        Integer.MAX_VALUE)
                : VersionHistory.currentAndPrevious(mirror.repository(), mirror.history(request.base()), tip, config, app,
                        environment, planner);
        Optional<VersionHistory.Entry> target = rollback.toTag().isPresent()
                ? history.stream().filter(e -> e.version().tag().equals(rollback.toTag())).findFirst()
                : history.stream().skip(1).findFirst();
        VersionHistory.Entry entry = target.orElseThrow(() -> new PromotionException(rollback.toTag()
                .map(t -> app.name() + " never had the tag " + t + " in " + environment.name() + " (in the last "
                        + VersionHistory.MAX_COMMITS + " changes of its files); a rollback goes back to a version that ran there")
                .orElse(app.name() + " has no earlier version in " + environment.name() + " to roll back to")));
        return new ImageUpdate(app.names(), entry.version().tag(), entry.version().digest(), carriedName(entry.version(), app));
    }

    /**
     * The name a given version is promoted under: the request's {@code imageName}, else the name the app is asked for
     * by when that is another of its names; empty keeps the names the files have.
     *
     * @throws PromotionException if the name is not one of the app's
     */
    private static Optional<ImageReference> requestedName(PromotionRequest request, App app) {
        Optional<ImageReference> name = request.imageName().or(() -> request.image()
                .map(i -> ImageReference.parseName(i.name())).filter(i -> !i.sameRepositoryAs(app.image())));
        if (name.isPresent() && !app.names().names(name.get())) {
            throw new PromotionException(name.get().name() + " is not a name of app " + app.name() + " (" + app.names()
                    + "); list it in the app's otherNames in " + ConfigLoader.CONFIG_PATH + " to move the image there");
        }
        return name;
    }

    /**
     * The name a version taken from another environment, or from history, brings along: the one it was written under,
     * when the app has other names and that is one of them. An app without other names never changes names.
     */
    private static Optional<ImageReference> carriedName(ImageVersion version, App app) {
        return version.name().filter(n -> !app.otherNames().isEmpty() && app.names().names(n));
    }

    /**
     * The secrets guard: the files a promotion writes, the other files of the folder it promotes into (a Secret
     * beside an overlay's kustomization is deployed with it) and what its kustomization makes Kustomize read, must hold
     * no plaintext Secret (unless the environment allows them), private key or token.
     *
     * @return why the promotion is refused, with every value masked, or empty
     */
    Optional<String> secretsIn(Attempt current, ChangePlan plan) throws IOException {
        Map<String, byte[]> changed = new LinkedHashMap<>();
        plan.changedFiles().forEach(file -> changed.put(file.path(), file.after()));
        AuditReport report = ConfigAudit.auditDeployed(current.tree(), plan.target().directory(), changed,
                current.environment(), limits);
        if (!report.blocking()) {
            return Optional.empty();
        }
        return Optional.of("secrets in " + plan.target().directory() + ", which " + current.environment().name()
                + " deploys: " + String.join("; ", report.findings(Severity.BLOCKING).stream().map(Finding::render).toList())
                + " (encrypt them with SealedSecrets, SOPS or an ExternalSecret; allowPlaintextSecrets: true accepts"
                + " plaintext Secrets in an environment)");
    }

    /** {@code pinDigest: true}: the environment takes only versions that name their digest. */
    private static Optional<String> unpinnedDigest(Attempt current) {
        if (!current.environment().pinDigest() || current.update().digest().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(current.environment().name() + " pins digests (pinDigest: true): promote " + current.app().name() + " "
                + current.update().label() + " with its digest (--digest, or --from an environment that has it)");
    }

    /**
     * {@code requires: X}: the upstream environment's desired state on the base branch must already have the
     * image (same digest when the promotion knows it, else same tag). A pending branch does not count.
     *
     * @return why the requirement is not met, or empty when it is (or there is none)
     */
    private Optional<String> unmetRequirement(GitTree tree, PromotionConfig config, App app, Environment environment,
            ImageUpdate update) throws IOException {
        if (environment.requires().isEmpty()) {
            return Optional.empty();
        }
        Environment upstream = config.environment(environment.requires().get()).orElseThrow();
        List<ImageVersion> versions;
        try {
            versions = planner.current(tree, config, app, upstream);
        } catch (PromotionException e) {
            return Optional.of(environment.name() + " requires " + upstream.name() + " to have " + app.name() + " "
                    + update.label() + " first, but " + upstream.name() + " has no version of it: " + e.getMessage());
        }
        // A new name must be there too: the same tag in another registry may be another image.
        boolean has = !versions.isEmpty() && versions.stream().allMatch(v -> (update.digest().isPresent()
                ? v.digest().equals(update.digest()) : v.tag().equals(update.tag()))
                && update.newName().map(n -> v.name().orElse(app.image()).sameRepositoryAs(n)).orElse(true));
        if (has) {
            return Optional.empty();
        }
        return Optional.of(environment.name() + " requires " + upstream.name() + " to have " + app.name() + " "
                + update.newName().map(n -> n.name() + " ").orElse("")
                + (update.digest().isPresent() ? update.digest().get().toString() : update.label()) + " first; "
                + upstream.name() + " has "
                + String.join(", ", versions.stream().map(v -> describe(v, update)).distinct().toList())
                + " on the base branch");
    }

    private Optional<PromotionResult> commitToBase(Mirror mirror, RevCommit tip, Proposal proposal, Attempt current,
            PromotionRequest request) throws IOException {
        ObjectId commit = commit(mirror, tip, proposal, request);
        PushOutcome outcome = mirror.push(request.base(), commit, tip, false);
        return landed(outcome, current, commit, request.base(), proposal, request);
    }

    /**
     * {@code branch} and {@code pull-request} modes: one branch per app and environment, recreated on the base
     * tip and pushed over its previous state (compared with the old id, so a concurrent promotion of the same
     * app is noticed), never touching the base branch. In {@code pull-request} mode, with a provider, the one
     * pull request of that branch is then opened or updated.
     */
    private Optional<PromotionResult> pushBranch(Mirror mirror, RevCommit tip, Proposal proposal, Attempt current,
            PromotionRequest request) throws IOException {
        String branch = proposal.branch();
        Optional<RevCommit> existing = mirror.branch(branch);
        Optional<String> declined = existing.isPresent() && !current.release()
                ? declined(mirror, existing.get(), branch, current, request) : Optional.empty();
        if (declined.isPresent()) {
            return Optional.of(result(PromotionResult.Status.REFUSED, current, null, branch, proposal.paths(), declined.get()));
        }
        ObjectId commit = commit(mirror, tip, proposal, request);
        List<String> warnings = new ArrayList<>(noPullRequestWarning(current, request));
        if (existing.isPresent() && sameChange(mirror, existing.get(), tip, commit)) {
            // Already proposed; a pull request that could not be opened last time (or not set to auto-merge, its checks
            // pending) is completed now.
            PromotionResult.PullRequestRef pullRequest = pullRequest(proposal, current, request, existing.get().name(), false,
                    warnings);
            return Optional.of(result(PromotionResult.Status.UNCHANGED, current, existing.get().name(), branch, proposal.paths(),
                    pullRequest, branch + " already proposes " + proposal.what()).withWarnings(warnings));
        }
        PushOutcome outcome = mirror.push(branch, commit, existing.map(RevCommit::getId).orElse(ObjectId.zeroId()), true);
        if (outcome.status() != PushOutcome.Status.OK) {
            return landed(outcome, current, commit, branch, proposal, request);
        }
        PromotionResult.PullRequestRef pullRequest = pullRequest(proposal, current, request, commit.name(), true, warnings);
        boolean branchOnly = branchOnly(current, request);
        return Optional.of(result(landedStatus(current), current, commit.name(), branch, proposal.paths(), pullRequest,
                proposal.title() + (branchOnly ? " (on branch " + branch + " only: no pull-request provider is configured)" : ""))
                .withWarnings(warnings));
    }

    /** What a pushed change is: a promotion (or rollback), or a release. */
    private static PromotionResult.Status landedStatus(Attempt current) {
        return current.release() ? PromotionResult.Status.RELEASED : PromotionResult.Status.PROMOTED;
    }

    /**
     * A person closed, without merging, the pull request of exactly what the branch still proposes: that is respected, and
     * the same version is not proposed again unless the request says {@code reopen} (a newer version proposes afresh).
     * Asked only in {@code pull-request} mode with a provider, when the branch proposes this very version.
     *
     * @return why the promotion is refused, or empty
     * @throws PromotionException if the provider cannot be asked
     */
    private Optional<String> declined(Mirror mirror, RevCommit existing, String branch, Attempt current, PromotionRequest request)
            throws IOException {
        Optional<PullRequestProvider> provider = provider(request);
        if (request.reopen() || current.mode() != PromotionMode.PULL_REQUEST || provider.isEmpty()) {
            return Optional.empty();
        }
        List<ImageVersion> proposed;
        try {
            proposed = planner.current(new GitTree(mirror.repository(), existing), current.config(), current.app(),
                    current.environment());
        } catch (RuntimeException e) {
            return Optional.empty(); // the branch proposes nothing readable: it is replaced
        }
        if (proposed.isEmpty() || !proposed.stream().allMatch(v -> v.matches(current.update()))) {
            return Optional.empty();
        }
        return closedByPerson(provider.get(), branch, existing, request, current.app().name() + " " + current.update().label()
                + " for " + current.environment().name());
    }

    /**
     * Whether a person closed, without merging, the pull request of {@code branch} while it was at {@code existing} (and
     * none is open): what it proposed is then not proposed again unless the request says {@code reopen}.
     *
     * @param what what the branch proposes, for the reason ({@code web 1.1.0 for staging})
     * @return why the promotion is refused, or empty
     * @throws PromotionException if the provider cannot be asked
     */
    static Optional<String> closedByPerson(PullRequestProvider provider, String branch, RevCommit existing,
            PromotionRequest request, String what) {
        try {
            if (provider.findOpen(branch, request.base()).isPresent()) {
                return Optional.empty();
            }
            return provider.findClosed(branch, request.base()).stream().filter(c -> c.wasAt(existing.name())).findFirst()
                    .map(c -> "pull request #" + c.pullRequest().number() + " (" + c.pullRequest().url() + ") proposing " + what
                            + " was closed without merging, so it is not proposed again; promote a newer version, or reopen"
                            + " it (--reopen) to propose this one again");
        } catch (ApiException e) {
            throw new PromotionException("could not ask " + request.pullRequests().get() + " whether the pull request of " + branch
                    + " was closed by a person: " + e.getMessage(), e);
        }
    }

    /** Why a {@code pull-request} environment got no pull request, when {@code auto} found no provider. */
    private static List<String> noPullRequestWarning(Attempt current, PromotionRequest request) {
        return branchOnly(current, request) ? request.noPullRequests().stream().toList() : List.of();
    }

    /** A {@code pull-request} environment without a provider: its branch is pushed, and no pull request opened. */
    private static boolean branchOnly(Attempt current, PromotionRequest request) {
        return current.mode() == PromotionMode.PULL_REQUEST && request.pullRequests().isEmpty();
    }

    /**
     * Opens or updates the pull request of a pushed branch, in {@code pull-request} mode with a provider.
     *
     * @param head the branch's tip, whose checks decide whether auto-merge is enabled ({@code gates.checks})
     * @param pushed whether this promotion pushed the branch (for the message when the provider fails)
     * @param warnings receives what auto-merge waits for
     * @return the pull request, or null when there is none to open
     * @throws PromotionException if the provider refuses; the branch stays, and the next promotion completes it
     */
    private PromotionResult.PullRequestRef pullRequest(Proposal proposal, Attempt current, PromotionRequest request,
            String head, boolean pushed, List<String> warnings) {
        if (current.mode() != PromotionMode.PULL_REQUEST || request.pullRequests().isEmpty()) {
            return null;
        }
        ProviderSettings settings = request.pullRequests().get();
        Environment environment = current.environment();
        PullRequestProvider provider = providers.apply(settings);
        String branch = proposal.branch();
        PullRequestDraft draft = new PullRequestDraft(branch, request.base(), proposal.title(),
                proposal.body().apply(provider.hidesHtmlComments()), environment.labels(), environment.reviewers(),
                AutoMergeChecks.allow(provider, environment, branch, head, warnings));
        try {
            PullRequest pullRequest = PullRequests.ensure(provider, draft);
            return new PromotionResult.PullRequestRef(pullRequest.url(), pullRequest.number());
        } catch (ApiException e) {
            throw new PromotionException((pushed ? "pushed " : "found ") + branch + ", but the pull request could not be"
                    + " opened or updated on " + settings + ": " + e.getMessage() + "; the branch stays, and the next"
                    + " promotion of " + current.app().name() + " to " + environment.name() + " completes the pull request", e);
        }
    }

    private Optional<PromotionResult> landed(PushOutcome outcome, Attempt current, ObjectId commit, String branch,
            Proposal proposal, PromotionRequest request) {
        return switch (outcome.status()) {
            case OK -> Optional.of(result(landedStatus(current), current, commit.name(), branch, proposal.paths(), null,
                    proposal.title()));
            case RACE -> Optional.empty();
            case REJECTED -> throw new PromotionException(request.repository() + " refused the push to " + branch + ": "
                    + outcome.message());
        };
    }

    private static ObjectId commit(Mirror mirror, RevCommit tip, Proposal proposal, PromotionRequest request)
            throws IOException {
        return TreeCommitter.commit(mirror.repository(), tip, proposal.files(), proposal.message(), request.author(),
                request.signer());
    }

    /** Whether a branch already holds exactly this change on top of the same base tip. */
    static boolean sameChange(Mirror mirror, RevCommit existing, RevCommit tip, ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(mirror.repository())) {
            RevCommit ours = walk.parseCommit(commit);
            RevCommit theirs = walk.parseCommit(existing);
            // The branch's commit may end a shallow mirror's history: the parent it names, not the walk's, tells.
            return Mirror.parentsAsWritten(theirs).equals(List.of(tip.getId())) && theirs.getTree().equals(ours.getTree());
        }
    }

    /** A version for a message, with the name it is written under when the update gives a new one. */
    private static String describe(ImageVersion version, ImageUpdate update) {
        return (update.newName().isPresent() ? version.name().orElse(update.image()).name() + " " : "") + version.describe();
    }

    private static ImageVersion single(List<ImageVersion> versions, App app, Environment environment) {
        List<String> names = versions.stream().map(v -> v.name().orElse(app.image()).normalizedName()).distinct().toList();
        if (!app.otherNames().isEmpty() && names.size() > 1) {
            throw new PromotionException(environment.name() + " has " + app.name() + " under several names ("
                    + String.join(", ", names) + "); promote a tag or digest with the image name instead");
        }
        if (versions.stream().map(ImageVersion::describe).distinct().count() != 1) {
            throw new PromotionException(environment.name() + " has " + (versions.isEmpty() ? "no version" : "several versions ("
                    + String.join(", ", versions.stream().map(ImageVersion::describe).distinct().toList()) + ")")
                    + " of " + app.name() + "; promote a tag or digest instead");
        }
        ImageVersion version = versions.get(0);
        if (version.malformedDigest().isPresent()) {
            throw new PromotionException(version.file() + ":" + version.line() + ": " + environment.name() + " has "
                    + app.name() + " with the malformed digest " + version.malformedDigest().get() + " (" + version.where()
                    + "), which no registry serves; promote a tag or digest instead");
        }
        return version;
    }

    private static PromotionResult result(PromotionResult.Status status, Attempt current, String commit, String branch,
            List<String> files, String reason) {
        return result(status, current, commit, branch, files, null, reason);
    }

    private static PromotionResult result(PromotionResult.Status status, Attempt current, String commit, String branch,
            List<String> files, PromotionResult.PullRequestRef pullRequest, String reason) {
        Optional<ImageUpdate> update = Optional.ofNullable(current.update()); // none in a release
        return new PromotionResult(status, current.environment().name(), current.app().name(), current.app().image().name(),
                update.flatMap(ImageUpdate::tag).orElse(null), update.flatMap(ImageUpdate::digest).map(Object::toString).orElse(null),
                commit, branch, pullRequest, files, reason, List.of(),
                update.flatMap(ImageUpdate::newName).map(ImageReference::name).orElse(null));
    }

    private static List<String> paths(ChangePlan plan) {
        return plan.changedFiles().stream().map(FileChange::path).toList();
    }

    /** Exponential backoff with full jitter, so that racing builds spread out instead of colliding again. */
    static void backoff(int attempt) {
        long ceiling = Math.min(2_000, 50L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PromotionException("interrupted while waiting to retry the promotion", e);
        }
    }
}
