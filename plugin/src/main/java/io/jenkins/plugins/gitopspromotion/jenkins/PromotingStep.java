package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * A step that changes the config repository as a promotion does ({@code gitopsPromote}, {@code gitopsRollback},
 * {@code gitopsRelease}) and gives the promotion's result map: each step says how it promotes; the work runs on a thread
 * of its own, the Git work where {@link #isOnAgent()} says.
 */
public abstract class PromotingStep extends RepositoryStep {

    /** @param repository a registered config repository's id, or its URL */
    protected PromotingStep(String repository) {
        super(repository);
    }

    /**
     * Promotes as this step's fields say, each text passed through {@code expand} first (the freestyle build step expands
     * build variables; Groovy has done so for a Pipeline).
     *
     * @param workspace where the Git work runs, or null for the controller
     */
    abstract Map<String, Object> promote(Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener,
            UnaryOperator<String> expand) throws IOException, InterruptedException;

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(this, context);
    }

    /** Runs on a thread of its own, the Git work where the step says. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;
        private final transient PromotingStep step;

        Execution(PromotingStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return step.promote(getContext().get(Run.class), step.workspace(getContext()), getContext().get(EnvVars.class),
                    getContext().get(TaskListener.class), UnaryOperator.identity());
        }
    }
}
