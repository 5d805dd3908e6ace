package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.EnvVars;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionOrder;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that changes one app in one environment as a promotion does, without a version to give ({@code gitopsRollback},
 * {@code gitopsRelease}): the cell, why, the mode and a dry run, and the same result map as {@code gitopsPromote}. Each
 * step says which order it gives; the work runs on a thread of its own, the Git work where {@link #isOnAgent()} says.
 */
public abstract class CellStep extends RepositoryStep {

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
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(this, context);
    }

    /** Runs on a thread of its own, the Git work where the step says. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;
        private final transient CellStep step;

        Execution(CellStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            PromotionOrder order = step.order(step.access(run, UnaryOperator.identity())).reason(step.reason).mode(step.mode)
                    .dryRun(step.dryRun).boundary(GitOpsPromotionConfiguration.get().getBoundary());
            return PromotionRunner.promote(run, step.workspace(getContext()), getContext().get(EnvVars.class),
                    getContext().get(TaskListener.class), order);
        }
    }
}
