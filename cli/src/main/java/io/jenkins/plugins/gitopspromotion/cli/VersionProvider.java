package io.jenkins.plugins.gitopspromotion.cli;

import picocli.CommandLine.IVersionProvider;

/** The version written into the jar's manifest at build time. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = GitOpsPromotionCli.class.getPackage().getImplementationVersion();
        return new String[] {"gitops-promotion " + (version == null ? "(development build)" : version)};
    }
}
