package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The steps that work on a config repository: its field, checked, and the promotion modes. */
public abstract class RepositoryStepDescriptor extends AgentStepDescriptor {

    @POST
    public FormValidation doCheckRepository(@AncestorInPath Item item, @QueryParameter String value) {
        return FormFields.checkRepository(item, value);
    }

    @POST
    public ListBoxModel doFillModeItems(@AncestorInPath Item item) {
        return FormFields.modes(item);
    }
}
