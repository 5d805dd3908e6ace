package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gitopspromotion.build.BuildException;
import io.jenkins.plugins.gitopspromotion.build.BuildOrder;
import io.jenkins.plugins.gitopspromotion.build.LocalProcessRunner;
import io.jenkins.plugins.gitopspromotion.build.LocalScratchSpace;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;

/**
 * Builds (and pushes) an image with Jib in the agent's JVM, in the workspace: Jib is a library, it starts no program,
 * so there is no launcher to go through (builder programs start through the build's launcher instead, see
 * {@link ImageBuildRunner}). Returns the result as JSON.
 */
final class BuildOnAgent extends MasterToSlaveFileCallable<String> {

    private static final long serialVersionUID = 1L;

    private final BuildOrder order;
    private final HashMap<String, String> environment;
    private final TaskListener listener;

    BuildOnAgent(BuildOrder order, Map<String, String> environment, TaskListener listener) {
        this.order = order;
        this.environment = new HashMap<>(environment);
        this.listener = listener;
    }

    @Override
    public String invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        try {
            return order.run(workspace.toPath(), environment, new LocalProcessRunner(), LocalScratchSpace.temporary(),
                    listener.getLogger()::println).toJson();
        } catch (BuildException | IllegalArgumentException e) {
            // The message names the builder, the registry and the builder's last lines, never a credential.
            throw new AbortException(e.getMessage());
        }
    }
}
