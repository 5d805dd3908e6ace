package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code gitopsPromotionStatus}: the environment × app matrix of a config repository, read from Git alone, as maps:
 * {@code [environments: […], apps: […], cells: [[env, app, tag, digest, pending, …], …]]}.
 */
public class PromotionStatusStep extends RepositoryStep {

    /** @param repository a registered config repository's id, or its URL */
    @DataBoundConstructor
    public PromotionStatusStep(String repository) {
        super(repository);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(this, context);
    }

    /** Runs on a thread of its own, the Git work on the agent. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;
        private final transient PromotionStatusStep step;

        Execution(PromotionStatusStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return PromotionRunner.status(step.workspace(getContext()), getContext().get(EnvVars.class),
                    step.access(getContext().get(Run.class), UnaryOperator.identity()));
        }
    }

    /** The step's name and what it needs. */
    @Extension
    public static final class DescriptorImpl extends RepositoryStepDescriptor {

        @Override
        public String getFunctionName() {
            return "gitopsPromotionStatus";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PromotionStatusStep_DisplayName();
        }
    }
}
