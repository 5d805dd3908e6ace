package io.jenkins.plugins.gitopspromotion.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.ListBoxModel;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * What the freestyle build steps share: every job type, the credentials field, and their Pipeline step's help. Each
 * shows its Pipeline step's form (its {@code config.jelly} includes the step's), so each field's help, and the build
 * step's own, is the step's.
 */
public abstract class GitOpsBuilderDescriptor extends BuildStepDescriptor<Builder> {

    private final Class<? extends Step> step;

    /** @param step the Pipeline step whose form and help this build step shares */
    protected GitOpsBuilderDescriptor(Class<? extends Step> step) {
        this.step = step;
        addHelpFileRedirect(null, step, null);
        for (String field : FormFields.names(getClass().getEnclosingClass())) {
            addHelpFileRedirect(field, step, field);
        }
    }

    /** The Pipeline step whose form and help this build step shares. */
    Class<? extends Step> step() {
        return step;
    }

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
