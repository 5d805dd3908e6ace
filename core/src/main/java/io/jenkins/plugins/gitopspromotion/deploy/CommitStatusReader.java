package io.jenkins.plugins.gitopspromotion.deploy;

import io.jenkins.plugins.gitopspromotion.pr.ApiException;
import io.jenkins.plugins.gitopspromotion.pr.PullRequestProvider;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Reads the commit statuses of the newest commits of the base branch from the Git host, within its rate limits: at most
 * {@value #COMMITS} commits (an agent posts on the revision it applied, which is the tip or close to it), each asked
 * again only after {@link #TTL}, so that a page reloaded often or a pipeline waiting does not spend the limit. Works
 * behind firewalls with no inbound traffic at all. Thread-safe.
 */
public final class CommitStatusReader {

    /** How many commits of the base branch, newest first, are asked for their statuses. */
    public static final int COMMITS = 5;

    /** How long an answer about a commit's statuses is trusted. */
    public static final Duration TTL = Duration.ofSeconds(30);

    private record Answer(Instant when, List<DeploymentReport> reports) {
    }

    private final PullRequestProvider provider;
    private final Clock clock;
    private final Map<String, Answer> answers = new HashMap<>();

    /**
     * @param provider the Git host of the config repository, with the token the promotions use
     * @param clock when answers grow old
     */
    public CommitStatusReader(PullRequestProvider provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * The reports in the statuses of the tip and its first parents, newest first, back to {@code oldest} at the furthest.
     *
     * @param oldest the oldest commit worth asking about (the commit that set the version waited for: no status on an
     *     ancestor of it covers it), or null
     * @param warnings receives the commits whose statuses could not be read, and why
     */
    public synchronized List<DeploymentReport> read(Repository repository, RevCommit tip, String oldest, List<String> warnings)
            throws IOException {
        List<DeploymentReport> reports = new ArrayList<>();
        Instant now = clock.instant();
        answers.values().removeIf(a -> a.when().plus(TTL.multipliedBy(10)).isBefore(now));
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(tip);
            for (int i = 0; i < COMMITS && commit != null; i++) {
                String sha = commit.name();
                Answer answer = answers.get(sha);
                if (answer == null || answer.when().plus(TTL).isBefore(now)) {
                    try {
                        answer = new Answer(now, CommitStatusReports.of(sha, provider.commitStatuses(sha), now));
                        answers.put(sha, answer);
                    } catch (ApiException e) {
                        warnings.add("the commit statuses of " + sha.substring(0, 10) + " could not be read: " + e.getMessage());
                        return reports;
                    }
                }
                reports.addAll(answer.reports());
                if (sha.equals(oldest) || commit.getParentCount() == 0) {
                    break;
                }
                commit = walk.parseCommit(commit.getParent(0));
            }
        }
        return reports;
    }
}
