package io.jenkins.plugins.gitopspromotion.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.ListBoxModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** What the freestyle build steps share: every job type, and the credentials field. */
public abstract class GitOpsBuilderDescriptor extends BuildStepDescriptor<Builder> {

    @Override
    @SuppressWarnings("rawtypes") // upstream's signature
    public boolean isApplicable(Class<? extends AbstractProject> jobType) {
        return true;
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        return FormFields.credentials(item, credentialsId, credentialKinds());
    }

    /** The kinds of credentials the field takes: those of a config repository, unless a step says otherwise. */
    CredentialsMatcher credentialKinds() {
        return CredentialKinds.REPOSITORY;
    }
}
