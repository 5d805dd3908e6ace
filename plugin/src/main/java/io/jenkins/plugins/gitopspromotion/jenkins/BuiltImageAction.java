package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Run;

/**
 * The image a freestyle build pushed, offered to its later build steps as {@code GITOPS_IMAGE_REFERENCE}
 * ({@code NAME@sha256:…}) and {@code GITOPS_IMAGE_DIGEST}. No page of its own.
 */
public class BuiltImageAction implements EnvironmentContributingAction {

    private final String reference;
    private final String digest;

    BuiltImageAction(String reference, String digest) {
        this.reference = reference;
        this.digest = digest;
    }

    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        env.put("GITOPS_IMAGE_REFERENCE", reference);
        env.put("GITOPS_IMAGE_DIGEST", digest);
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
