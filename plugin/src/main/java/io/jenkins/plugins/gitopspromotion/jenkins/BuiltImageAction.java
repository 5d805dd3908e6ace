package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Run;
import java.util.Map;

/**
 * The image a freestyle build pushed, offered to its later build steps as {@code GITOPS_IMAGE_REFERENCE}
 * ({@code NAME@sha256:…}) and {@code GITOPS_IMAGE_DIGEST}. An image built without pushing has neither: the
 * variables are then not set (never to the text "null"). No page of its own.
 */
public class BuiltImageAction implements EnvironmentContributingAction {

    private final String reference;
    private final String digest;

    /**
     * @param reference {@code NAME@sha256:…}, or null when nothing was pushed
     * @param digest the pushed digest, or null
     */
    BuiltImageAction(@CheckForNull String reference, @CheckForNull String digest) {
        this.reference = reference;
        this.digest = digest;
    }

    /** The build step's result as an action. */
    static BuiltImageAction of(Map<String, Object> result) {
        Object reference = result.get("reference");
        Object digest = result.get("digest");
        return new BuiltImageAction(reference == null ? null : reference.toString(), digest == null ? null : digest.toString());
    }

    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        if (reference != null) {
            env.put("GITOPS_IMAGE_REFERENCE", reference);
        }
        if (digest != null) {
            env.put("GITOPS_IMAGE_DIGEST", digest);
        }
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
