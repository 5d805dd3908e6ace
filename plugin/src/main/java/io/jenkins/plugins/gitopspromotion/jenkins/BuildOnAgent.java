package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import hudson.Launcher;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gitopspromotion.build.BuildException;
import io.jenkins.plugins.gitopspromotion.build.BuildOrder;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;

/**
 * Builds (and pushes) an image in the workspace on the agent, where the context, the builder and the temporary
 * auth file are; the builder's programs start through a {@link Launcher} of that agent. Returns the result as JSON.
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
            return order.run(workspace.toPath(), environment, new LauncherProcessRunner(new Launcher.LocalLauncher(listener)),
                    listener.getLogger()::println).toJson();
        } catch (BuildException | IllegalArgumentException e) {
            // The message names the builder, the registry and the builder's last lines, never a credential.
            throw new AbortException(e.getMessage());
        }
    }
}
