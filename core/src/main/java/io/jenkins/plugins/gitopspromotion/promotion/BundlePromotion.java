package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.Gates;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.PromotionMode;
import io.jenkins.plugins.gitopspromotion.git.GitTree;
import io.jenkins.plugins.gitopspromotion.git.Mirror;
import io.jenkins.plugins.gitopspromotion.git.PushOutcome;
import io.jenkins.plugins.gitopspromotion.git.TreeCommitter;
import io.jenkins.plugins.gitopspromotion.policy.HoldFile;
import io.jenkins.plugins.gitopspromotion.pr.ApiException;
import io.jenkins.plugins.gitopspromotion.pr.ProviderSettings;
import io.jenkins.plugins.gitopspromotion.pr.PullRequest;
import io.jenkins.plugins.gitopspromotion.pr.PullRequestDraft;
import io.jenkins.plugins.gitopspromotion.pr.PullRequestProvider;
import io.jenkins.plugins.gitopspromotion.pr.PullRequests;
import io.jenkins.plugins.gitopspromotion.update.FileChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Several apps promoted into one environment together: one commit to the base branch, or one branch
 * ({@link PromotionBranch#bundle}) and one pull request, all or nothing. Every app's version is checked first as a
 * promotion of that app alone would be (a hold on its cell, a freeze, {@code pinDigest}, {@code requires}, {@code soak},
 * the secrets guard); one refusal refuses the whole bundle, and nothing is pushed; what it overrides is recorded once. The title says how many apps ({@code Promote 3 apps to prod}); the message and
 * the pull request say each app's change.
 */
final class BundlePromotion {

    private final PromotionEngine engine;
    private final ChangePlanner planner;
    private final Function<ProviderSettings, PullRequestProvider> providers;
    private final int maxAttempts;

    BundlePromotion(PromotionEngine engine, ChangePlanner planner, Function<ProviderSettings, PullRequestProvider> providers,
            int maxAttempts) {
        this.engine = engine;
        this.planner = planner;
        this.providers = providers;
        this.maxAttempts = maxAttempts;
    }

    /**
     * The apps' changes against one tip of the base branch.
     *
     * @param overrides the trailers recording the holds and the freeze the bundle overrides
     */
    private record Planned(Environment environment, PromotionMode mode, List<String> apps, List<PromotionEngine.Attempt> cells,
            List<ChangePlan> changed, Map<String, String> overrides) {

        /** Every file the bundle writes, each once. */
        Map<String, byte[]> files() {
            Map<String, byte[]> files = new LinkedHashMap<>();
            changed.forEach(plan -> plan.changedFiles().forEach(file -> files.put(file.path(), file.after())));
            return files;
        }

        List<String> paths() {
            return List.copyOf(files().keySet());
        }

        /** {@code Promote 3 apps to prod}. */
        String title() {
            return "Promote " + changed.size() + " apps to " + environment.name();
        }

        Provenance provenance() {
            return cells.get(0).provenance();
        }
    }

    /**
     * Promotes the request's apps together, retrying on lost races as a single promotion does.
     *
     * @param branches what the mirror fetches again after a lost race
     */
    PromotionResult promote(Mirror mirror, List<String> branches, PromotionRequest request) throws IOException {
        for (int attempt = 1; ; attempt++) {
            RevCommit tip = mirror.branch(request.base()).orElseThrow(() -> new PromotionException(
                    "the branch " + request.base() + " does not exist in " + request.repository()));
            GitTree tree = new GitTree(mirror.repository(), tip);
            PromotionConfig config = engine.config(tree); // whole: the config cache's cut holds one app
            Environment environment = PromotionEngine.environment(config, request);
            List<App> apps = request.allApps() ? config.apps()
                    : request.bundle().stream().map(name -> PromotionEngine.app(config, name)).toList();
            List<String> names = apps.stream().map(App::name).toList();
            List<PromotionEngine.Attempt> cells = new ArrayList<>();
            List<String> refusals = new ArrayList<>();
            HoldFile holds = HoldFile.read(tree);
            Map<String, String> overrides = new LinkedHashMap<>();
            for (App app : apps) {
                PromotionEngine.Attempt cell = engine.attempt(mirror, tip, tree, config, app, environment, request);
                cells.add(cell);
                Optional<Gates.Frozen> frozen = engine.frozen(cell);
                Optional<String> refusal = engine.refusal(mirror, tip, cell, holds, frozen, request);
                if (refusal.isPresent()) {
                    refusals.add(app.name() + ": " + refusal.get());
                } else {
                    overrides.putAll(engine.overrides(cell, holds, frozen, request)); // what passed only by an override
                }
            }
            if (!refusals.isEmpty()) {
                return refused(request, names, List.of(), refusals);
            }
            List<ChangePlan> changed = new ArrayList<>();
            for (PromotionEngine.Attempt cell : cells) {
                ChangePlan plan = planner.plan(tree, config, cell.app(), environment, cell.update());
                if (plan.changed()) {
                    changed.add(plan);
                }
            }
            Planned planned = new Planned(environment, request.mode().orElse(environment.mode()), names, cells, changed,
                    overrides);
            if (changed.isEmpty()) {
                return result(PromotionResult.Status.UNCHANGED, request, names, tip.name(), null, List.of(), null,
                        environment.name() + " already has " + String.join(", ", cells.stream()
                                .map(c -> c.app().name() + " " + c.update().label()).toList()));
            }
            Optional<PromotionResult> refused = unsafe(request, planned);
            if (refused.isPresent()) {
                return refused.get();
            }
            if (request.dryRun()) {
                return result(PromotionResult.Status.PLANNED, request, names, null, null, planned.paths(), null,
                        planned.title() + " (dry run: nothing pushed)");
            }
            Optional<PromotionResult> landed = planned.mode() == PromotionMode.COMMIT
                    ? commitToBase(mirror, tip, planned, request) : pushBranch(mirror, tip, planned, request);
            if (landed.isPresent()) {
                return landed.get();
            }
            if (attempt >= maxAttempts) {
                throw new PromotionException("gave up promoting " + String.join(", ", names) + " to " + environment.name()
                        + " after " + attempt + " attempts: every push lost a race with another change to "
                        + request.repository() + "; try again");
            }
            PromotionEngine.backoff(attempt);
            mirror.fetch(branches);
        }
    }

    /**
     * The secrets guard for each app, and two apps writing the same file (each planned on the same tip, the second would
     * undo the first): either refuses the whole bundle.
     */
    private Optional<PromotionResult> unsafe(PromotionRequest request, Planned planned) throws IOException {
        List<String> refusals = new ArrayList<>();
        Map<String, String> writers = new LinkedHashMap<>();
        for (ChangePlan plan : planned.changed()) {
            PromotionEngine.Attempt cell = planned.cells().stream().filter(c -> c.app().equals(plan.app())).findFirst().orElseThrow();
            engine.secretsIn(cell, plan).ifPresent(r -> refusals.add(plan.app().name() + ": " + r));
            for (FileChange file : plan.changedFiles()) {
                String other = writers.putIfAbsent(file.path(), plan.app().name());
                if (other != null) {
                    refusals.add(other + " and " + plan.app().name() + " both change " + file.path() + "; promote them one at a"
                            + " time");
                }
            }
        }
        return refusals.isEmpty() ? Optional.empty() : Optional.of(refused(request, planned.apps(), planned.paths(), refusals));
    }

    private Optional<PromotionResult> commitToBase(Mirror mirror, RevCommit tip, Planned planned, PromotionRequest request)
            throws IOException {
        ObjectId commit = commit(mirror, tip, planned, request);
        PushOutcome outcome = mirror.push(request.base(), commit, tip, false);
        return landed(outcome, request, planned, commit, request.base(), null);
    }

    /** One branch for the bundle, recreated on the base tip, and in {@code pull-request} mode one pull request. */
    private Optional<PromotionResult> pushBranch(Mirror mirror, RevCommit tip, Planned planned, PromotionRequest request)
            throws IOException {
        String branch = PromotionBranch.bundle(planned.environment().name(), planned.apps());
        Optional<RevCommit> existing = mirror.branch(branch);
        Optional<String> declined = existing.isPresent() ? declined(mirror, existing.get(), branch, planned, request)
                : Optional.empty();
        if (declined.isPresent()) {
            return Optional.of(result(PromotionResult.Status.REFUSED, request, planned.apps(), null, branch, planned.paths(), null,
                    declined.get()));
        }
        ObjectId commit = commit(mirror, tip, planned, request);
        if (existing.isPresent() && PromotionEngine.sameChange(mirror, existing.get(), tip, commit)) {
            return Optional.of(result(PromotionResult.Status.UNCHANGED, request, planned.apps(), existing.get().name(), branch,
                    planned.paths(), pullRequest(planned, request, branch),
                    branch + " already proposes " + String.join(", ", planned.apps()) + " for " + planned.environment().name()));
        }
        PushOutcome outcome = mirror.push(branch, commit, existing.map(RevCommit::getId).orElse(ObjectId.zeroId()), true);
        if (outcome.status() != PushOutcome.Status.OK) {
            return landed(outcome, request, planned, commit, branch, null);
        }
        return landed(outcome, request, planned, commit, branch, pullRequest(planned, request, branch));
    }

    /**
     * A person closed, without merging, the bundle's pull request while its branch proposed exactly these files: respected
     * unless the request says {@code reopen}, as for one app.
     */
    private Optional<String> declined(Mirror mirror, RevCommit existing, String branch, Planned planned,
            PromotionRequest request) throws IOException {
        if (request.reopen() || planned.mode() != PromotionMode.PULL_REQUEST || request.pullRequests().isEmpty()) {
            return Optional.empty();
        }
        GitTree proposed = new GitTree(mirror.repository(), existing);
        for (Map.Entry<String, byte[]> file : planned.files().entrySet()) {
            if (!proposed.read(file.getKey()).map(b -> Arrays.equals(b, file.getValue())).orElse(false)) {
                return Optional.empty(); // the branch proposes something else: it is replaced
            }
        }
        return PromotionEngine.closedByPerson(providers.apply(request.pullRequests().get()), branch, existing, request,
                String.join(", ", planned.changed().stream().map(p -> p.app().name() + " " + p.labelAfter()).toList()) + " for "
                        + planned.environment().name());
    }

    /** Opens or updates the bundle's pull request, in {@code pull-request} mode with a provider; null otherwise. */
    private PromotionResult.PullRequestRef pullRequest(Planned planned, PromotionRequest request, String branch) {
        if (planned.mode() != PromotionMode.PULL_REQUEST || request.pullRequests().isEmpty()) {
            return null;
        }
        PullRequestProvider provider = providers.apply(request.pullRequests().get());
        Environment environment = planned.environment();
        PullRequestDraft draft = new PullRequestDraft(branch, request.base(), planned.title(),
                PullRequestBody.renderBundle(planned.changed(), planned.provenance(), provider.hidesHtmlComments()),
                environment.labels(), environment.reviewers(), environment.autoMerge());
        try {
            PullRequest pullRequest = PullRequests.ensure(provider, draft);
            return new PromotionResult.PullRequestRef(pullRequest.url(), pullRequest.number());
        } catch (ApiException e) {
            throw new PromotionException("pushed " + branch + ", but the pull request could not be opened or updated on "
                    + request.pullRequests().get() + ": " + e.getMessage() + "; the branch stays, and the next promotion of"
                    + " the same apps to " + environment.name() + " completes the pull request", e);
        }
    }

    private static Optional<PromotionResult> landed(PushOutcome outcome, PromotionRequest request, Planned planned,
            ObjectId commit, String branch, PromotionResult.PullRequestRef pullRequest) {
        return switch (outcome.status()) {
            case OK -> Optional.of(result(PromotionResult.Status.PROMOTED, request, planned.apps(), commit.name(), branch,
                    planned.paths(), pullRequest, planned.title()));
            case RACE -> Optional.empty();
            case REJECTED -> throw new PromotionException(request.repository() + " refused the push to " + branch + ": "
                    + outcome.message());
        };
    }

    /** One commit: the bundle's title, each app's change as its own message says it, and every app's trailers once. */
    private static ObjectId commit(Mirror mirror, RevCommit tip, Planned planned, PromotionRequest request) throws IOException {
        StringBuilder message = new StringBuilder(planned.title()).append("\n\n");
        Set<String> trailers = new LinkedHashSet<>();
        for (ChangePlan plan : planned.changed()) {
            message.append("- ").append(PromotionMessage.title(plan)).append('\n');
            PromotionMessage.trailers(plan.update(), planned.provenance()).forEach((k, v) -> trailers.add(k + ": " + v));
        }
        planned.overrides().forEach((k, v) -> trailers.add(k + ": " + v));
        message.append('\n');
        trailers.forEach(t -> message.append(t).append('\n'));
        return TreeCommitter.commit(mirror.repository(), tip, planned.files(), message.toString(), request.author(),
                request.signer());
    }

    private static PromotionResult refused(PromotionRequest request, List<String> apps, List<String> files,
            List<String> refusals) {
        return result(PromotionResult.Status.REFUSED, request, apps, null, null, files, null, "the bundle of "
                + String.join(", ", apps) + " is refused whole, nothing is pushed: " + String.join("; ", refusals));
    }

    /** A bundle's result: its apps as {@code app} ({@code web,api}), no single image or version. */
    private static PromotionResult result(PromotionResult.Status status, PromotionRequest request, List<String> apps,
            String commit, String branch, List<String> files, PromotionResult.PullRequestRef pullRequest, String reason) {
        return new PromotionResult(status, request.environment(), String.join(",", apps), null, null, null, commit, branch,
                pullRequest, files, reason, List.of(), null);
    }
}
