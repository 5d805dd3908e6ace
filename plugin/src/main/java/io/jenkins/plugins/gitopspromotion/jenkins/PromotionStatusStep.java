package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Run;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code gitopsPromotionStatus}: the environment × app matrix of a config repository, read from Git alone, as maps:
 * {@code [environments: […], apps: […], cells: [[env, app, tag, digest, pending, …], …]]}.
 */
public class PromotionStatusStep extends Step {

    private final String repository;
    private String credentialsId;

    /** @param repository a registered config repository's id, or its URL */
    @DataBoundConstructor
    public PromotionStatusStep(String repository) {
        this.repository = repository;
    }

    public String getRepository() {
        return repository;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
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
            return PromotionRunner.status(getContext().get(FilePath.class), getContext().get(EnvVars.class),
                    RepositoryTargets.resolve(step.repository, step.credentialsId, getContext().get(Run.class)));
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
