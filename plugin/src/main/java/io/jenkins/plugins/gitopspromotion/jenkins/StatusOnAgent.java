package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/** Reads the environment × app matrix of a config repository on the agent; returns it as JSON. */
final class StatusOnAgent extends MasterToSlaveFileCallable<String> {

    private static final long serialVersionUID = 1L;

    private final RepositoryAccess access;
    private final AgentSettings settings;

    StatusOnAgent(RepositoryAccess access, AgentSettings settings) {
        this.access = access;
        this.settings = settings;
    }

    @Override
    public String invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        return settings.run(access.credentials(), worker -> worker.status(access).toJson());
    }
}
