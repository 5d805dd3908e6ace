package io.jenkins.plugins.gitopspromotion.view;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.git.GitTree;
import io.jenkins.plugins.gitopspromotion.git.Mirror;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.pr.ApiException;
import io.jenkins.plugins.gitopspromotion.pr.PullRequest;
import io.jenkins.plugins.gitopspromotion.pr.PullRequestProvider;
import io.jenkins.plugins.gitopspromotion.pr.RequiredChecks;
import io.jenkins.plugins.gitopspromotion.promotion.ChangePlanner;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionBranch;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionMessage;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * What the promotion branches ({@code gitops-promotion/<env>/<app>}, and bundles' {@code gitops-promotion/<env>/_bundle-…}
 * on each of their apps' cells) propose, and their open pull requests when a provider is configured, with the state of
 * the environment's required checks ({@code gates.checks}) on the branch's tip. A branch is read again only when its tip
 * moved; its pull request (and checks) are asked for again when the tip moved or after {@link #PULL_REQUEST_TTL}, so
 * that a page reloaded often does not spend the provider's rate limit.
 */
final class PendingBranches {

    /** How long an answer about a branch's pull request is trusted. */
    static final Duration PULL_REQUEST_TTL = Duration.ofSeconds(30);

    private record Read(ObjectId tip, CellValue value, CommitInfo commit) {
    }

    /** A cell a branch proposes a version for: one for an app's branch, one per app for a bundle's. */
    private record ReadKey(String branch, String app) {
    }

    private record Asked(ObjectId tip, Instant when, Optional<PullRequest> pullRequest, List<RequiredChecks.Check> checks) {
    }

    private final ChangePlanner planner;
    private final Optional<PullRequestProvider> provider;
    private final Clock clock;
    private final Map<ReadKey, Read> reads = new HashMap<>();
    private final Map<String, Asked> asked = new HashMap<>();

    PendingBranches(YamlLimits limits, Optional<PullRequestProvider> provider, Clock clock) {
        this.planner = new ChangePlanner(limits);
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * The pending version of every cell that has one: a branch whose version differs from the base branch's.
     *
     * @param warnings receives pull requests that could not be looked up
     */
    Map<CellKey, ViewCell.Pending> read(Mirror mirror, String base, MatrixState matrix, List<String> warnings)
            throws IOException {
        PromotionConfig config = matrix.config();
        Map<CellKey, ViewCell.Pending> pending = new HashMap<>();
        List<String> branches = mirror.branches(PromotionEngine.BRANCH_PREFIX);
        reads.keySet().removeIf(key -> !branches.contains(key.branch()));
        asked.keySet().retainAll(branches);
        for (String branch : branches) {
            Optional<PromotionBranch> name = PromotionBranch.parse(branch);
            Optional<Environment> environment = name.flatMap(n -> config.environment(n.env()));
            if (environment.isEmpty()) {
                continue; // not a branch of this config's cells
            }
            RevCommit tip = mirror.branch(branch).orElseThrow();
            List<App> apps = name.get().app().map(a -> config.app(a).stream().toList()).orElseGet(() -> bundled(tip, config));
            for (App app : apps) {
                CellKey key = new CellKey(app.name(), environment.get().name());
                Read read = reads.get(new ReadKey(branch, app.name()));
                if (read == null || !read.tip().equals(tip)) {
                    read = new Read(tip.copy(), CellValue.read(planner, new GitTree(mirror.repository(), tip), config, app,
                            environment.get()), CommitInfo.of(tip));
                    reads.put(new ReadKey(branch, app.name()), read);
                }
                if (read.value().error() != null
                        || read.value().identity().equals(matrix.value(key.app(), key.env()).identity())) {
                    continue; // merged already, or nothing readable to propose
                }
                Optional<ImageVersion> version = read.value().version();
                Optional<Asked> answer = Optional.ofNullable(asked(branch, tip, base, environment.get(), warnings));
                pending.put(key, new ViewCell.Pending(branch, version.flatMap(ImageVersion::tag).orElse(null),
                        version.flatMap(ImageVersion::digest).map(Object::toString).orElse(null),
                        String.join(", ", read.value().versions().stream().map(ImageVersion::label).distinct().toList()),
                        read.commit(), answer.flatMap(Asked::pullRequest).map(p -> new ViewCell.PullRequestLink(p.url(), p.number()))
                                .orElse(null), answer.map(Asked::checks).orElse(null)));
            }
        }
        return pending;
    }

    /**
     * The apps a bundle's branch promotes: those its commit's {@code Promoted-Image} trailers name, so that a cell that
     * changed on the base branch after the bundle was cut does not show the bundle's older version as pending.
     */
    private static List<App> bundled(RevCommit tip, PromotionConfig config) {
        List<App> apps = new ArrayList<>();
        for (String image : tip.getFooterLines(PromotionMessage.IMAGE_TRAILER)) {
            try {
                config.appForImage(ImageReference.parse(image)).filter(a -> !apps.contains(a)).ifPresent(apps::add);
            } catch (IllegalArgumentException e) {
                // a trailer that names no image reads as nothing
            }
        }
        return apps;
    }

    /**
     * The branch's pull request and, when it has one, the required checks on its tip; asked again when the tip moved or
     * the answer grew old. Null without a provider, or when the provider could not answer (a warning says so).
     */
    private Asked asked(String branch, ObjectId tip, String base, Environment environment, List<String> warnings) {
        if (provider.isEmpty()) {
            return null;
        }
        Asked answer = asked.get(branch);
        Instant now = clock.instant();
        if (answer == null || !answer.tip().equals(tip) || answer.when().plus(PULL_REQUEST_TTL).isBefore(now)) {
            try {
                Optional<PullRequest> pullRequest = provider.get().findOpen(branch, base);
                List<String> required = environment.gates().checks();
                answer = new Asked(tip.copy(), now, pullRequest, pullRequest.isEmpty() || required.isEmpty() ? null
                        : RequiredChecks.of(required, provider.get().commitStatuses(tip.name())).checks());
                asked.put(branch, answer);
            } catch (ApiException e) {
                warnings.add("the pull request of " + branch + " (or its checks) could not be looked up: " + e.getMessage());
                return null;
            }
        }
        return answer;
    }
}
