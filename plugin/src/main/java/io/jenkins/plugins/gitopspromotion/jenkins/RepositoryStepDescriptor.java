package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.EnvVars;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Set;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The steps that work on a config repository: its field, checked, the promotion modes, and no workspace needed. */
public abstract class RepositoryStepDescriptor extends AgentStepDescriptor {

    /** No workspace: the steps work on the controller unless told to work on the agent ({@code onAgent: true}). */
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, EnvVars.class, TaskListener.class);
    }

    @POST
    public FormValidation doCheckRepository(@AncestorInPath Item item, @QueryParameter String value) {
        return FormFields.checkRepository(item, value);
    }

    @POST
    public ListBoxModel doFillModeItems(@AncestorInPath Item item) {
        return FormFields.modes(item);
    }
}
