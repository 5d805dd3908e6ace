package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import hudson.model.Run;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
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
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, EnvVars.class);
        }

        @Override
        public String getFunctionName() {
            return "gitopsPromotionStatus";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PromotionStatusStep_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return FormFields.credentials(item, credentialsId);
        }

        @POST
        public FormValidation doCheckRepository(@AncestorInPath Item item, @QueryParameter String value) {
            return FormFields.checkRepository(item, value);
        }
    }
}
