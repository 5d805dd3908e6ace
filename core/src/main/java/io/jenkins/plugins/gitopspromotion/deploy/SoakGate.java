package io.jenkins.plugins.gitopspromotion.deploy;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.DurationText;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.git.History;
import io.jenkins.plugins.gitopspromotion.promotion.ChangePlanner;
import io.jenkins.plugins.gitopspromotion.update.ImageUpdate;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The {@code soak} gate of an environment: the version promoted must have been healthy, without a break, in the
 * environment before it ({@code requires}, else the previous one) for at least the soak's duration, by the deployment
 * reports the GitOps agents sent ({@link DeploymentStates#healthySince}). The version there is the one the base branch
 * has, and the commit that set it is the one the reports must cover.
 */
public final class SoakGate {

    private SoakGate() {
    }

    /**
     * Why a promotion must wait, or empty when the version has soaked long enough (or the environment has no soak).
     *
     * @param history the base branch's history, deepened as far as the upstream cell's history is read
     * @param reports the repository's deployment reports, or empty when none are kept where the promotion runs
     * @param now the time
     * @throws IOException if the mirror or the reports cannot be read
     */
    public static Optional<String> refusal(Repository repository, History history, RevCommit tip, PromotionConfig config, App app,
            Environment environment, ImageUpdate update, Optional<DeploymentTracker.Reports> reports, Instant now)
            throws IOException {
        Optional<Duration> soak = environment.gates().soak();
        Optional<Environment> upstream = config.upstreamOf(environment);
        if (soak.isEmpty() || upstream.isEmpty()) {
            return Optional.empty();
        }
        String needs = environment.name() + " needs " + app.name() + " " + update.label() + " healthy in " + upstream.get().name()
                + " for " + DurationText.format(soak.get()) + " first (gates.soak)";
        if (reports.isEmpty()) {
            return Optional.of(needs + ", but no deployment reports are kept where this promotion runs (promote where the"
                    + " GitOps agents report: the Jenkins controller, or beside gitops-promotion serve's cache)");
        }
        Optional<CellHistory> cell = CellHistory.read(repository, history, tip, config, app, upstream.get(),
                new ChangePlanner(YamlLimits.DEFAULT));
        if (cell.isEmpty() || !same(cell.get().version(), update)) {
            return Optional.of(needs + ", but " + upstream.get().name() + " has " + cell.map(c -> c.version().label())
                    .orElse("no version of it") + " on the base branch");
        }
        CellVersion version = cell.get().version();
        DeploymentStates states = new DeploymentStates(new DeploymentMapping(config), reports.get().get(), new GitAncestry(repository),
                now);
        Optional<Instant> since = states.healthySince(version);
        if (since.isEmpty()) {
            return Optional.of(needs + ", but it is " + states.of(version).map(d -> d.state().jsonName() + " there ("
                    + d.message() + ")").orElse("not tracked there: " + upstream.get().name() + " lists no deployments and no"
                    + " report is about it"));
        }
        Duration healthy = Duration.between(since.get(), now);
        if (healthy.compareTo(soak.get()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(needs + "; it has been healthy there since " + since.get() + " (" + DurationText.format(healthy)
                + "): " + DurationText.format(soak.get().minus(healthy)) + " left");
    }

    /** Whether Git's version of the upstream cell is the one promoted: the same digest when both have one, else tag. */
    private static boolean same(CellVersion version, ImageUpdate update) {
        if (update.digest().isPresent() && version.digest().isPresent()) {
            return update.digest().get().toString().equals(version.digest().get());
        }
        return update.tag().isPresent() && update.tag().equals(version.tag());
    }
}
