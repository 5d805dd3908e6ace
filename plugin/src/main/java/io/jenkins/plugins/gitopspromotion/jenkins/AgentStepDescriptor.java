package io.jenkins.plugins.gitopspromotion.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** What the steps that work on an agent with credentials need, and their credentials field. */
public abstract class AgentStepDescriptor extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, FilePath.class, EnvVars.class, TaskListener.class);
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
