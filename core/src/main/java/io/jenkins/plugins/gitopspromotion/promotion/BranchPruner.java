package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.PromotionMode;
import io.jenkins.plugins.gitopspromotion.git.Mirror;
import io.jenkins.plugins.gitopspromotion.git.PushOutcome;
import io.jenkins.plugins.gitopspromotion.pr.ApiException;
import io.jenkins.plugins.gitopspromotion.pr.PullRequest;
import io.jenkins.plugins.gitopspromotion.pr.PullRequestProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Cleans up promotion branches that have become moot ({@link MootBranches}): closes the open pull request of each, with a
 * comment naming the commit that made it moot, then deletes the branch (only if it is still where it was read, so a
 * branch someone pushed to meanwhile stays). Nothing is closed that this tool did not open: the branch must be a
 * promotion branch and the pull request's description ours ({@link PullRequestBody#openedByUs}). Without a provider, the
 * branch of a {@code pull-request} environment is kept, since deleting it would close or break its pull request unseen.
 * A failure is an outcome, never an exception: the clean-up is housekeeping beside the work that asked for it.
 */
public final class BranchPruner {

    private final ChangePlanner planner;

    /** @param planner reads the cells' versions */
    public BranchPruner(ChangePlanner planner) {
        this.planner = planner;
    }

    /**
     * Cleans up the moot branches among {@code branches}, as the mirror has them (fetched by the caller together with the
     * base branch).
     *
     * @param config the base branch's config, with every app the branches may propose
     * @param provider the Git host's pull requests, if one is configured
     * @param dryRun say what would be done, do nothing
     * @throws IOException if the mirror cannot be read
     */
    public List<PrunedBranch> prune(Mirror mirror, RevCommit baseTip, String base, PromotionConfig config, List<String> branches,
            Optional<PullRequestProvider> provider, boolean dryRun) throws IOException {
        List<PrunedBranch> outcomes = new ArrayList<>();
        for (MootBranches.Proposal proposal : MootBranches.read(mirror, base, baseTip, config, planner, branches)) {
            if (proposal.moot()) {
                outcomes.add(prune(mirror, base, config, proposal, provider, dryRun));
            }
        }
        return outcomes;
    }

    private static PrunedBranch prune(Mirror mirror, String base, PromotionConfig config, MootBranches.Proposal proposal,
            Optional<PullRequestProvider> provider, boolean dryRun) throws IOException {
        String reason = proposal.reason(base);
        String commit = proposal.decisive().map(MootBranches.Cell::decidedBy).orElse(null);
        Outcome outcome = new Outcome(proposal, reason, commit);
        if (dryRun) {
            return outcome.of(PrunedBranch.Action.PLANNED, null, null);
        }
        PullRequest closed = null;
        if (provider.isPresent()) {
            try {
                Optional<PullRequest> open = provider.get().findOpen(proposal.branch(), base);
                if (open.isPresent()) {
                    if (!PullRequestBody.openedByUs(provider.get().description(open.get()), provider.get().hidesHtmlComments())) {
                        return outcome.of(PrunedBranch.Action.KEPT, open.get(), "its open pull request was not opened by"
                                + " gitops-promotion, so it is left as it is");
                    }
                    provider.get().comment(open.get(), comment(proposal, base, reason));
                    provider.get().close(open.get());
                    closed = open.get();
                }
            } catch (ApiException e) {
                return outcome.of(PrunedBranch.Action.FAILED, null, e.getMessage());
            }
        } else if (config.environment(proposal.env()).map(Environment::mode).orElse(null) == PromotionMode.PULL_REQUEST) {
            return outcome.of(PrunedBranch.Action.KEPT, null, "no pull-request provider is configured to close its pull request"
                    + " with; give the provider and its token");
        }
        PushOutcome deleted = mirror.delete(proposal.branch(), proposal.tip());
        PrunedBranch.Action done = closed != null ? PrunedBranch.Action.CLOSED : PrunedBranch.Action.DELETED;
        return switch (deleted.status()) {
            case OK -> outcome.of(done, closed, null);
            case RACE -> outcome.of(closed != null ? done : PrunedBranch.Action.KEPT, closed,
                    "the branch moved while it was cleaned up, so it stays; the next clean-up looks at it again");
            case REJECTED -> outcome.of(closed != null ? done : PrunedBranch.Action.FAILED, closed,
                    "the branch could not be deleted: " + deleted.message());
        };
    }

    /** The comment a closed pull request gets: why it is moot, which commit made it so, and what happens next. */
    static String comment(MootBranches.Proposal proposal, String base, String reason) {
        String apps = String.join(", ", proposal.apps());
        return "gitops-promotion closed this pull request: it is moot. " + reason + ".\n\nIts branch `" + proposal.branch()
                + "` is deleted; a newer promotion of " + (apps.isEmpty() ? "these apps" : apps) + " to " + proposal.env()
                + " opens a new pull request into " + base + ".";
    }

    /** The parts of an outcome every action shares. */
    private record Outcome(MootBranches.Proposal proposal, String reason, String commit) {
        PrunedBranch of(PrunedBranch.Action action, PullRequest pullRequest, String note) {
            return new PrunedBranch(proposal.branch(), proposal.env(), proposal.apps(), action, reason, commit,
                    pullRequest == null ? null : new PromotionResult.PullRequestRef(pullRequest.url(), pullRequest.number()), note);
        }
    }
}
