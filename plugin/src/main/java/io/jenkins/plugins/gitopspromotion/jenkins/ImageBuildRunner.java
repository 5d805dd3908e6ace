package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopspromotion.build.BuildOrder;
import java.io.IOException;
import java.util.Map;

/**
 * The one way the build step and builder build an image: check the order on the controller, add the registry
 * credentials, build on the agent, and hand back {@code [image, tags, digest, reference]}.
 */
final class ImageBuildRunner {

    private ImageBuildRunner() {
    }

    static Map<String, Object> build(Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener, BuildOrder order,
            String credentialsId) throws IOException, InterruptedException {
        try {
            order.credentials(JenkinsCredentials.lookup(credentialsId, run)).check();
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.ImageBuildRunner_BadInput(e.getMessage()));
        }
        listener.getLogger().println(Messages.ImageBuildRunner_Starting(order));
        Map<String, Object> result = PromotionRunner.toMap(workspace.act(new BuildOnAgent(order, env, listener)));
        listener.getLogger().println(Messages.ImageBuildRunner_Outcome(result.get("reference") != null ? result.get("reference")
                : result.get("image") + " (" + Messages.ImageBuildRunner_NotPushed() + ")"));
        return result;
    }
}
