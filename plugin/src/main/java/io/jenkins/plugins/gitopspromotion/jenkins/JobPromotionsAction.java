package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "GitOps Promotions" on a job's page: the apps the job promoted, with the latest promotion of each into each
 * environment, read from its recent builds' {@link PromotionsAction}s; a link to each repository's view.
 */
public class JobPromotionsAction implements Action {

    /** How many recent builds are read. */
    static final int BUILDS = 50;

    private final Job<?, ?> job;

    JobPromotionsAction(Job<?, ?> job) {
        this.job = job;
    }

    /** How many recent builds decide whether the job shows the action (each may be loaded from disk). */
    static final int SHOWN_IF_PROMOTED_WITHIN = 10;

    /** Whether one of the job's last few builds promoted anything. */
    static boolean promoted(Job<?, ?> job) {
        return !recent(job, SHOWN_IF_PROMOTED_WITHIN, 1).isEmpty();
    }

    /** The promotions actions of the job's last {@code builds} builds, newest first, at most {@code wanted}. */
    private static List<PromotionsAction> recent(Job<?, ?> job, int builds, int wanted) {
        List<PromotionsAction> actions = new ArrayList<>();
        int seen = 0;
        for (Run<?, ?> run = job.getLastBuild(); run != null && seen < builds && actions.size() < wanted;
                run = run.getPreviousBuild(), seen++) {
            PromotionsAction action = run.getAction(PromotionsAction.class);
            if (action != null) {
                actions.add(action);
            }
        }
        return actions;
    }

    /** The latest promotion of each app into each environment (of each repository), newest build first. */
    public List<PromotionRecord> getLatest() {
        Map<String, PromotionRecord> latest = new LinkedHashMap<>();
        for (PromotionsAction action : recent(job, BUILDS, BUILDS)) {
            List<PromotionRecord> promotions = new ArrayList<>(action.getPromotions());
            Collections.reverse(promotions); // a build's last promotion of a cell wins
            for (PromotionRecord record : promotions) {
                latest.putIfAbsent(record.getRepository() + " " + record.getApp() + " " + record.getEnv(), record);
            }
        }
        return List.copyOf(latest.values());
    }

    /** The registered repository ids by URL, for links to their views. */
    public Map<String, String> getViews() {
        Map<String, String> views = new LinkedHashMap<>();
        GitOpsPromotionConfiguration.get().getRepositories().forEach(r -> views.putIfAbsent(r.getUrl(), r.getId()));
        return views;
    }

    /** The job. */
    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return "symbol-git-branch-outline plugin-ionicons-api";
    }

    @Override
    public String getDisplayName() {
        return Messages.PromotionsAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "gitops-promotions";
    }
}
