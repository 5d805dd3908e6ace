package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import hudson.model.Action;
import hudson.model.Api;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.gitopspromotion.standing.BuildMatrix;
import io.jenkins.plugins.gitopspromotion.standing.BuiltVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * "GitOps Promotions" on a job's page ({@code …/gitops-promotion/}, {@code api/json}): the job's recent builds ×
 * the environments of each app using their images, marked where each build's version runs now, ran, or is pending,
 * read from Git ({@link BuildMatrix}); and the latest promotion the job made of each app into each environment, from
 * its builds' {@link PromotionsAction}s.
 */
@ExportedBean(defaultVisibility = 2)
public class JobPromotionsAction implements Action {

    /** How many recent builds are read. */
    static final int BUILDS = 50;

    /** How many recent builds the matrix shows. */
    static final int MATRIX_BUILDS = 20;

    private final Job<?, ?> job;

    JobPromotionsAction(Job<?, ?> job) {
        this.job = job;
    }

    /** How many recent builds decide whether the job shows the action (each may be loaded from disk). */
    static final int SHOWN_IF_PROMOTED_WITHIN = 10;

    /** Whether one of the job's last few builds built an image or promoted anything. */
    static boolean promoted(Job<?, ?> job) {
        int seen = 0;
        for (Run<?, ?> run = job.getLastBuild(); run != null && seen < SHOWN_IF_PROMOTED_WITHIN; run = run.getPreviousBuild(), seen++) {
            if (run.getAction(PromotionsAction.class) != null || run.getAction(BuiltImageAction.class) != null) {
                return true;
            }
        }
        return false;
    }

    /** The promotions actions of the job's last {@code builds} builds, newest first. */
    private static List<PromotionsAction> recent(Job<?, ?> job, int builds) {
        List<PromotionsAction> actions = new ArrayList<>();
        int seen = 0;
        for (Run<?, ?> run = job.getLastBuild(); run != null && seen < builds; run = run.getPreviousBuild(), seen++) {
            PromotionsAction action = run.getAction(PromotionsAction.class);
            if (action != null) {
                actions.add(action);
            }
        }
        return actions;
    }

    /** The latest promotion of each app into each environment (of each repository), newest build first. */
    @Exported
    public List<PromotionRecord> getLatest() {
        Map<String, PromotionRecord> latest = new LinkedHashMap<>();
        for (PromotionsAction action : recent(job, BUILDS)) {
            List<PromotionRecord> promotions = new ArrayList<>(action.getPromotions());
            Collections.reverse(promotions); // a build's last promotion of a cell wins
            for (PromotionRecord record : promotions) {
                latest.putIfAbsent(record.getRepository() + " " + record.getApp() + " " + record.getEnv(), record);
            }
        }
        return List.copyOf(latest.values());
    }

    /** Whether the current user may see the matrix (the registered repositories' content). */
    public boolean isCanView() {
        return Jenkins.get().hasPermission(GitOpsPromotionsRootAction.VIEW);
    }

    /**
     * Per registered repository and app using the images of the job's last {@link #MATRIX_BUILDS} builds: those builds
     * × the environments; nothing for users who may not view the repositories.
     */
    @Exported
    public List<JobMatrixView.Table> getMatrices() {
        if (!isCanView()) {
            return List.of();
        }
        List<Run<?, ?>> runs = new ArrayList<>();
        List<BuiltImageAction> images = new ArrayList<>();
        List<BuiltVersion> versions = new ArrayList<>();
        int seen = 0;
        for (Run<?, ?> run = job.getLastBuild(); run != null && seen < MATRIX_BUILDS; run = run.getPreviousBuild(), seen++) {
            for (BuiltImageAction image : run.getActions(BuiltImageAction.class)) {
                Optional<BuiltVersion> version = image.version();
                if (version.isPresent()) {
                    runs.add(run);
                    images.add(image);
                    versions.add(version.get());
                }
            }
        }
        List<JobMatrixView.Table> tables = new ArrayList<>();
        if (versions.isEmpty()) {
            return tables;
        }
        for (ConfigRepository registration : GitOpsPromotionConfiguration.get().getRepositories()) {
            try {
                RepositoryPage.Reach reach = GitOpsPromotionsRootAction.page(registration.getId())
                        .orElseThrow(() -> new AbortException(Messages.RepositoryPage_NotRegistered(registration.getId()))).reach();
                BuildMatrix matrix = BuildMatrix.of(reach.view(), versions);
                for (BuildMatrix.AppMatrix app : matrix.apps()) {
                    List<JobMatrixView.Row> rows = app.rows().stream().map(row -> new JobMatrixView.Row(runs.get(row.build()).getNumber(),
                            runs.get(row.build()).getUrl(), images.get(row.build()).label(),
                            row.marks().stream().map(mark -> JobMatrixView.Cell.of(mark, reach.access().location())).toList())).toList();
                    tables.add(new JobMatrixView.Table(registration.getId(), app.app(), matrix.environments(), rows, null));
                }
            } catch (IOException | RuntimeException e) {
                tables.add(JobMatrixView.Table.failed(registration.getId(), e.getMessage()));
            }
        }
        return tables;
    }

    /** The API: {@code api/json}, {@code api/xml}. */
    public Api getApi() {
        return new Api(this);
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
        return "gitops-promotion";
    }
}
