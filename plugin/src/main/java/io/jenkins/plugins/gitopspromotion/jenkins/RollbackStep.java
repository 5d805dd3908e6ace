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
 * {@code gitopsRollback}: takes an app in an environment back to its previous version (or the last one with a
 * given tag), found in the environment's own history, as a promotion: same modes, guards and result map. The app is
 * held there (with {@code reason}) until released.
 */
public class RollbackStep extends RepositoryStep {

    private final String environment;
    private final String app;
    private String to;
    private String reason;
    private String mode;
    private boolean dryRun;

    /**
     * @param repository a registered config repository's id, or its URL
     * @param environment the environment
     * @param app the app
     */
    @DataBoundConstructor
    public RollbackStep(String repository, String environment, String app) {
        super(repository);
        this.environment = environment;
        this.app = app;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getApp() {
        return app;
    }

    public String getTo() {
        return to;
    }

    /** Go back to the last version with this tag instead of the previous one. */
    @DataBoundSetter
    public void setTo(String to) {
        this.to = Util.fixEmptyAndTrim(to);
    }

    public String getReason() {
        return reason;
    }

    /** Why: the reason of the hold the rollback places; absent, the rollback's title. */
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

    /** Runs on a thread of its own, the Git work on the agent. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;
        private final transient RollbackStep step;

        Execution(RollbackStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            PromotionOrder order = PromotionOrder.rollback(step.access(run, UnaryOperator.identity()),
                            step.environment, step.app, step.to)
                    .reason(step.reason).mode(step.mode).dryRun(step.dryRun).boundary(GitOpsPromotionConfiguration.get().getBoundary());
            return PromotionRunner.promote(run, step.workspace(getContext()), getContext().get(EnvVars.class),
                    getContext().get(TaskListener.class), order);
        }
    }

    /** The step's name and what it needs. */
    @Extension
    public static final class DescriptorImpl extends RepositoryStepDescriptor {

        @Override
        public String getFunctionName() {
            return "gitopsRollback";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RollbackStep_DisplayName();
        }
    }
}
