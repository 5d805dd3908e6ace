package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gitopspromotion.guard.CredentialBoundary;
import java.io.File;
import java.util.HashMap;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;

/** Looks for cluster credentials within the build's reach on the agent; returns the findings as JSON. */
final class BoundaryOnAgent extends MasterToSlaveFileCallable<String> {

    private static final long serialVersionUID = 1L;

    private final HashMap<String, String> environment;

    BoundaryOnAgent(Map<String, String> environment) {
        this.environment = new HashMap<>(environment);
    }

    @Override
    public String invoke(File workspace, VirtualChannel channel) {
        return CredentialBoundary.ofBuild(environment).toJson();
    }
}
