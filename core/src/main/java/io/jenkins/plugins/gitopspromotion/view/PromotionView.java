package io.jenkins.plugins.gitopspromotion.view;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.ConfigException;
import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.deploy.CellRef;
import io.jenkins.plugins.gitopspromotion.deploy.CellVersion;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentTracker;
import io.jenkins.plugins.gitopspromotion.deploy.state.DeliveryMetrics;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.GitTree;
import io.jenkins.plugins.gitopspromotion.git.Mirror;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.json.Json;
import io.jenkins.plugins.gitopspromotion.policy.HoldFile;
import io.jenkins.plugins.gitopspromotion.policy.HoldSummary;
import io.jenkins.plugins.gitopspromotion.pr.PullRequestProvider;
import io.jenkins.plugins.gitopspromotion.promotion.BranchPruner;
import io.jenkins.plugins.gitopspromotion.promotion.ChangePlanner;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionException;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.PrunedBranch;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import io.jenkins.plugins.gitopspromotion.promotion.VersionHistory;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The promotion view as a service, independent of HTTP: the {@code serve} command and the Jenkins plugin map
 * their endpoints ({@code api/status}, {@code api/history}, {@code api/promote}, {@code api/rollback},
 * {@code api/release}) onto these
 * methods. The state is kept between calls and refreshed incrementally ({@link MatrixState}); promotions and
 * rollbacks go through {@link PromotionEngine#promote} exactly as the command line's do. Thread-safe: one call at a
 * time.
 */
public final class PromotionView {

    /** How many versions the history of a cell shows. */
    public static final int HISTORY_ENTRIES = 50;

    /** How many commits of the base branch a full build reads to find who set each cell. */
    public static final int HISTORY_WINDOW = 1_000;

    private final PromotionEngine engine;
    private final RepositoryLocation repository;
    private final GitAuth auth;
    private final String base;
    private final Function<String, PromotionRequest.Builder> requests;
    private final MatrixState matrix;
    private final PendingBranches pending;
    private final Optional<PullRequestProvider> provider;
    /** Moot branches left as they are (a pull request not ours, no provider), by their tip: not asked about again. */
    private final Map<String, ObjectId> kept = new HashMap<>();
    /** Branches found pending when the base branch was at {@link #notMootAt}, by their tip: read again once one moves. */
    private final Map<String, ObjectId> notMoot = new HashMap<>();
    private ObjectId notMootAt;
    private final ChangePlanner planner = new ChangePlanner(YamlLimits.DEFAULT);
    private final BranchPruner pruner = new BranchPruner(planner);
    private Supplier<List<String>> notes = List::of;
    private DeploymentTracker deployments;

    /**
     * @param engine reads the mirror and promotes
     * @param repository the config repository
     * @param auth credentials for it
     * @param base its base branch
     * @param provider where to look up the pull requests of promotion branches, if anywhere
     * @param requests a request into an environment, with everything but the app and the version set (repository,
     *     auth, base, pull-request settings, author, boundary): how this host promotes
     */
    public PromotionView(PromotionEngine engine, RepositoryLocation repository, GitAuth auth, String base,
            Optional<PullRequestProvider> provider, Function<String, PromotionRequest.Builder> requests) {
        this(engine, repository, auth, base, provider, requests, HISTORY_WINDOW, Clock.systemUTC());
    }

    /**
     * @param historyWindow how many commits a full build reads to find who set each cell
     * @param clock when pull-request answers grow old
     * @see #PromotionView(PromotionEngine, RepositoryLocation, GitAuth, String, Optional, Function)
     */
    public PromotionView(PromotionEngine engine, RepositoryLocation repository, GitAuth auth, String base,
            Optional<PullRequestProvider> provider, Function<String, PromotionRequest.Builder> requests, int historyWindow,
            Clock clock) {
        this.engine = engine;
        this.repository = repository;
        this.auth = auth;
        this.base = base;
        this.requests = requests;
        this.matrix = new MatrixState(YamlLimits.DEFAULT, historyWindow);
        this.pending = new PendingBranches(YamlLimits.DEFAULT, provider, clock);
        this.provider = provider;
    }

    /**
     * The view of a repository as a front end describes it (the Jenkins plugin from a registered repository).
     *
     * @param host completes each promotion request the way this host promotes (author, boundary)
     * @throws IllegalArgumentException if the URL or the provider settings are wrong
     */
    public static PromotionView of(PromotionEngine engine, RepositoryAccess access, UnaryOperator<PromotionRequest.Builder> host) {
        return new PromotionView(engine, access.location(), access.credentials().gitAuth(), access.base(),
                access.pullRequests().map(engine::provider),
                env -> host.apply(access.request(env)));
    }

    /**
     * Adds what the host wants every state to say among its warnings (the Jenkins plugin: the controller's own
     * cluster credentials, which it reports instead of refusing promotions for them).
     *
     * @return this view
     */
    public PromotionView withNotes(Supplier<List<String>> value) {
        this.notes = value;
        return this;
    }

    /**
     * Adds each cell's deployment state (what the GitOps agents report of its version) and the delivery figures to
     * every state, from the reports the host keeps and the commit statuses of the Git host.
     *
     * @return this view
     */
    public PromotionView withDeployments(DeploymentTracker value) {
        this.deployments = value;
        return this;
    }

    /**
     * The config of the base branch: as the last state read it, else read now (the hook receivers map reports with it).
     *
     * @throws IOException if the repository cannot be reached
     */
    public synchronized PromotionConfig config() throws IOException {
        PromotionConfig config = matrix.config();
        return config != null ? config : engine.readBase(repository, auth, base, (tree, commit) -> ConfigLoader.load(tree));
    }

    /**
     * The state: fetches the base branch and the promotion branches, and re-reads what changed since the last call.
     *
     * @throws IOException if the repository cannot be reached; the message names it, never a credential
     */
    public synchronized ViewState status() throws IOException {
        return engine.withMirror(repository, auth, List.of(base, PromotionEngine.BRANCH_PREFIX + "*"), mirror -> {
            RevCommit tip = tip(mirror);
            matrix.update(mirror.repository(), mirror.history(base), tip);
            // Moot branches go before the pending ones are read, so that the view shows only what is still pending.
            List<PrunedBranch> pruned = prune(mirror, tip);
            List<String> warnings = new ArrayList<>(notes.get());
            Map<CellKey, ViewCell.Pending> proposed = pending.read(mirror, base, matrix, warnings);
            HoldFile holds = holds(mirror, tip, warnings);
            List<AppRow> rows = eachCell(matrix.rows(proposed, warnings), c -> c.withHold(HoldSummary.of(holds, c.app(), c.env())));
            PromotionConfig config = matrix.config();
            List<DeliveryMetrics> metrics = List.of();
            if (deployments != null) {
                DeploymentTracker.Snapshot snapshot = deployments.track(mirror.repository(), mirror.history(base), tip, config,
                        versions(mirror.repository(), rows, deployments.tracked(config)), warnings);
                rows = eachCell(rows, c -> c.withDeployment(snapshot.deployments().get(new CellRef(c.env(), c.app()))));
                metrics = snapshot.metrics();
            }
            return new ViewState(repository.toString(), base, tip.name(), config.source(),
                    config.environments().stream().map(Environment::name).toList(), rows, warnings, matrix.lastRefresh(), metrics,
                    pruned);
        });
    }

    /**
     * Cleans up the moot promotion branches before the state is read, as {@code prune} does. A refresh reads only what
     * could have changed: a branch left as it is (a pull request this tool did not open, no provider) is looked at again
     * only once its tip moves; one found still pending, once its tip or the base branch's moves.
     */
    private List<PrunedBranch> prune(Mirror mirror, RevCommit tip) throws IOException {
        List<String> all = mirror.branches(PromotionEngine.BRANCH_PREFIX);
        if (!tip.equals(notMootAt)) {
            notMoot.clear();
            notMootAt = tip.copy();
        }
        kept.keySet().retainAll(all);
        notMoot.keySet().retainAll(all);
        Map<String, ObjectId> looked = new LinkedHashMap<>();
        for (String branch : all) {
            ObjectId at = mirror.branch(branch).orElseThrow().getId();
            if (!at.equals(kept.get(branch)) && !at.equals(notMoot.get(branch))) {
                looked.put(branch, at.copy());
            }
        }
        List<PrunedBranch> pruned = pruner.prune(mirror, tip, base, matrix.config(), List.copyOf(looked.keySet()), provider, false);
        Map<String, PrunedBranch.Action> actions = new HashMap<>();
        pruned.forEach(p -> actions.put(p.branch(), p.action()));
        looked.forEach((branch, at) -> {
            PrunedBranch.Action action = actions.get(branch);
            if (action == null) {
                notMoot.put(branch, at);
            } else if (action == PrunedBranch.Action.KEPT) {
                kept.put(branch, at);
            }
        });
        return pruned;
    }

    /**
     * The versions an app had in an environment, newest first, at most {@link #HISTORY_ENTRIES}.
     *
     * @throws IllegalArgumentException if there is no such app or environment
     * @throws IOException if the repository cannot be reached
     */
    public synchronized List<HistoryEntry> history(String app, String env) throws IOException {
        return histories(app, List.of(env)).get(env);
    }

    /**
     * The versions an app had in each environment, in promotion order, each newest first (at most
     * {@link #HISTORY_ENTRIES}): one fetch for all of them.
     *
     * @throws IllegalArgumentException if there is no such app
     * @throws IOException if the repository cannot be reached
     */
    public synchronized Map<String, List<HistoryEntry>> histories(String app) throws IOException {
        return histories(app, null);
    }

    /** The histories of {@code envs}, or of every environment when null. */
    private Map<String, List<HistoryEntry>> histories(String app, List<String> envs) throws IOException {
        return engine.withMirror(repository, auth, List.of(base), mirror -> {
            RevCommit tip = tip(mirror);
            PromotionConfig config = ConfigLoader.load(new GitTree(mirror.repository(), tip));
            App found = config.app(app).orElseThrow(() -> new IllegalArgumentException("no app " + quote(app)));
            List<Environment> environments = envs == null ? config.environments()
                    : envs.stream().map(env -> environment(config, env)).toList();
            Map<String, List<HistoryEntry>> histories = new LinkedHashMap<>();
            for (Environment environment : environments) {
                List<HistoryEntry> entries = new ArrayList<>();
                for (VersionHistory.Entry entry : VersionHistory.of(mirror.repository(), mirror.history(base), tip, config, found,
                        environment, planner, HISTORY_ENTRIES)) {
                    ImageVersion version = entry.version();
                    entries.add(new HistoryEntry(version.tag().orElse(null), version.digest().map(Object::toString).orElse(null),
                            version.label(), CommitInfo.of(entry.setBy()), entries.isEmpty()));
                }
                histories.put(environment.name(), entries);
            }
            return histories;
        });
    }

    /**
     * Promotes what {@code env} has of {@code app} into the next environment, as {@code promote --from env} does.
     *
     * @param user who asks: checked for the environment promoted into, and recorded
     * @throws IllegalArgumentException if there is no such environment, or it is the last one
     * @throws ViewUser.ChangeForbiddenException if the user may not change the next environment
     * @throws IOException if the repository cannot be reached
     */
    public PromotionResult promoteNext(String app, String env, ViewUser user) throws IOException {
        PromotionConfig config = engine.readBase(repository, auth, base, (tree, commit) -> ConfigLoader.load(tree));
        List<Environment> order = config.environments();
        int at = order.indexOf(environment(config, env));
        if (at == order.size() - 1) {
            throw new IllegalArgumentException(env + " is the last environment: there is none to promote into");
        }
        String target = order.get(at + 1).name();
        user.checkMayChange(app, target);
        return engine.promote(user.record(requests.apply(target)).app(app).version(new VersionSource.FromEnvironment(env)).build());
    }

    /**
     * Rolls {@code app} back in {@code env} to its previous version, or to the last version with tag {@code to}, as
     * {@code rollback} does.
     *
     * @param to the tag to go back to, or null for the previous version
     * @param reason why: the reason of the hold the rollback places, or null for its title
     * @param user who asks: checked for {@code env}, and recorded
     * @throws ViewUser.ChangeForbiddenException if the user may not change {@code env}
     * @throws IOException if the repository cannot be reached
     */
    public PromotionResult rollback(String app, String env, String to, String reason, ViewUser user) throws IOException {
        user.checkMayChange(app, env);
        return engine.promote(user.record(requests.apply(env)).app(app).version(new VersionSource.Rollback(Optional.ofNullable(to)))
                .reason(blankToNull(reason)).build());
    }

    /**
     * Releases the hold on {@code app} in {@code env}, as {@code release} does: a commit, or a branch (and pull request)
     * of its own, in the environment's mode.
     *
     * @param reason why, or null
     * @param user who asks: checked for {@code env}, and recorded
     * @throws ViewUser.ChangeForbiddenException if the user may not change {@code env}
     * @throws IOException if the repository cannot be reached
     */
    public PromotionResult release(String app, String env, String reason, ViewUser user) throws IOException {
        user.checkMayChange(app, env);
        return engine.promote(user.record(requests.apply(env)).app(app).version(new VersionSource.Release())
                .reason(blankToNull(reason)).build());
    }

    /** A reason a form left empty is none. */
    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The rows with {@code change} applied to each cell. */
    private static List<AppRow> eachCell(List<AppRow> rows, UnaryOperator<ViewCell> change) {
        return rows.stream().map(row -> new AppRow(row.app(), row.cells().stream().map(change).toList(), row.parity())).toList();
    }

    /** The holds at the tip; a holds file that cannot be read is a warning here (each promotion fails naming it). */
    private static HoldFile holds(Mirror mirror, RevCommit tip, List<String> warnings) throws IOException {
        try {
            return HoldFile.read(new GitTree(mirror.repository(), tip));
        } catch (ConfigException e) {
            warnings.add(e.getMessage());
            return HoldFile.parse(new byte[0]);
        }
    }

    /** What Git says of each tracked cell: its version on the base branch, else the version only its promotion branch has. */
    private static List<CellVersion> versions(Repository repository, List<AppRow> rows, Set<CellRef> tracked) throws IOException {
        List<CellVersion> versions = new ArrayList<>();
        for (AppRow row : rows) {
            for (ViewCell cell : row.cells()) {
                CellRef ref = new CellRef(cell.env(), cell.app());
                if (!tracked.contains(ref)) {
                    continue;
                }
                if (cell.error() == null && (cell.tag() != null || cell.digest() != null)) {
                    versions.add(CellVersion.merged(repository, ref, cell.tag(), cell.digest(),
                            cell.setBy() == null ? null : cell.setBy().id()));
                } else if (cell.pending() != null) {
                    versions.add(CellVersion.pending(ref, cell.pending().tag() != null ? cell.pending().tag() : cell.pending().label(),
                            cell.pending().digest()));
                }
            }
        }
        return versions;
    }

    /** A value of the page's contract as JSON. */
    public static String toJson(Object value) {
        return Json.write(value, "the view's state");
    }

    private RevCommit tip(Mirror mirror) throws IOException {
        return mirror.branch(base).orElseThrow(() -> new PromotionException(
                "the branch " + base + " does not exist in " + repository));
    }

    private static Environment environment(PromotionConfig config, String env) {
        return config.environment(env).orElseThrow(() -> new IllegalArgumentException("no environment " + quote(env)));
    }

    /** User input in a message, cut and stripped of control characters so that it cannot forge log lines. */
    private static String quote(String text) {
        String shown = text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
