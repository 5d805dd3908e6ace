package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionOrder;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code gitopsRelease}: removes the hold a rollback placed on an app in an environment ({@code .gitops/holds.yaml}),
 * so that promotions take it again: a commit, or a branch and pull request of its own, in the environment's mode; the
 * same result map as {@code gitopsPromote}, with {@code status} {@code released} (or {@code unchanged} when the app was
 * not held).
 *
 * <pre>
 * gitopsRelease repository: 'config', environment: 'prod', app: 'web', reason: 'fixed in 1.5.1'
 * </pre>
 */
public class ReleaseStep extends RepositoryStep {

    private final String environment;
    private final String app;
    private String reason;
    private String mode;
    private boolean dryRun;

    /**
     * @param repository a registered config repository's id, or its URL
     * @param environment the environment
     * @param app the app held there
     */
    @DataBoundConstructor
    public ReleaseStep(String repository, String environment, String app) {
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

    /** Why the hold can go, recorded in the commit. */
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

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(this, context);
    }

    /** Runs on a thread of its own, the Git work where the step says. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;
        private final transient ReleaseStep step;

        Execution(ReleaseStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            PromotionOrder order = PromotionOrder.release(step.access(run, UnaryOperator.identity()), step.environment, step.app)
                    .reason(step.reason).mode(step.mode).dryRun(step.dryRun)
                    .boundary(GitOpsPromotionConfiguration.get().getBoundary());
            return PromotionRunner.promote(run, step.workspace(getContext()), getContext().get(EnvVars.class),
                    getContext().get(TaskListener.class), order);
        }
    }

    /** The step's name and what it needs. */
    @Extension
    public static final class DescriptorImpl extends RepositoryStepDescriptor {

        @Override
        public String getFunctionName() {
            return "gitopsRelease";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ReleaseStep_DisplayName();
        }
    }
}
