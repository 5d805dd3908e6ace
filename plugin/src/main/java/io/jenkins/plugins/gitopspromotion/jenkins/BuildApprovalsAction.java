package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.model.Run;
import io.jenkins.plugins.gitopspromotion.standing.Approval;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The approvals of promotions of a build's images, kept with the build (in {@code build.xml}): per repository, app
 * and environment, who approved and when. No page of its own: the build's GitOps Promotion page shows them.
 */
public class BuildApprovalsAction extends BuildRecord {

    private final LinkedHashMap<String, List<Given>> approvals = new LinkedHashMap<>();

    /** One approval as stored: plain fields, which XStream writes and reads back. */
    public static final class Given {
        private final String user;
        private final long at;

        Given(String user, long at) {
            this.user = user;
            this.at = at;
        }

        /** Who approved. */
        public String getUser() {
            return user;
        }

        /** When, in milliseconds since the epoch. */
        public long getAt() {
            return at;
        }
    }

    /** The build's action, added on first use. */
    static BuildApprovalsAction of(Run<?, ?> run) {
        return BuildRecord.of(run, BuildApprovalsAction.class, BuildApprovalsAction::new);
    }

    /** The key of a promotion: repository id, app, environment. */
    static String key(String repository, String app, String env) {
        return repository + " " + app + " " + env;
    }

    /** The approvals of a promotion, oldest first. */
    synchronized List<Approval> of(String key) {
        return approvals.getOrDefault(key, List.of()).stream().map(g -> new Approval(g.user, Instant.ofEpochMilli(g.at))).toList();
    }

    /** Records an approval and saves the build. */
    synchronized void add(String key, String user, Instant at) throws IOException {
        approvals.computeIfAbsent(key, k -> new ArrayList<>()).add(new Given(user, at.toEpochMilli()));
        save();
    }

    /** Every promotion's approvals, for the page. */
    public synchronized Map<String, List<Given>> getApprovals() {
        Map<String, List<Given>> copy = new LinkedHashMap<>();
        approvals.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }
}
