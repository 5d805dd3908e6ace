package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionOrder;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import java.io.IOException;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that changes one app in one environment as a promotion does, without a version to give ({@code gitopsRollback},
 * {@code gitopsRelease}): the cell, why, the mode and a dry run, and the same result map as {@code gitopsPromote}. Each
 * step says which order it gives.
 */
public abstract class CellStep extends PromotingStep {

    private final String environment;
    private final String app;
    private String reason;
    private String mode;
    private boolean dryRun;

    /**
     * @param repository a registered config repository's id, or its URL
     * @param environment the environment
     * @param app the app
     */
    protected CellStep(String repository, String environment, String app) {
        super(repository);
        this.environment = Util.fixEmptyAndTrim(environment);
        this.app = Util.fixEmptyAndTrim(app);
    }

    public String getEnvironment() {
        return environment;
    }

    public String getApp() {
        return app;
    }

    public String getReason() {
        return reason;
    }

    /** Why, recorded in the commit: the reason of the hold a rollback places, or why a hold can go. */
    @DataBoundSetter
    public void setReason(String reason) {
        this.reason = Util.fixEmptyAndTrim(reason);
    }

    public String getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = Util.fixEmptyAndTrim(mode);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** The order this step gives for its cell of the repository, reached as the build may reach it. */
    abstract PromotionOrder order(RepositoryAccess access);

    @Override
    Map<String, Object> promote(Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener,
            UnaryOperator<String> expand) throws IOException, InterruptedException {
        PromotionOrder order = order(access(run, expand)).reason(reason).mode(mode).dryRun(dryRun)
                .boundary(GitOpsPromotionConfiguration.get().getBoundary());
        return PromotionRunner.promote(run, workspace, env, listener, order);
    }
}
