// Mirrors jenkinsci/git-client-plugin
// src/main/java/org/jenkinsci/plugins/gitclient/GitHostKeyVerificationConfiguration.java at release tag
// git-client-6.6.1: only get() (@NonNull) and getSshHostKeyVerificationStrategy(), the administrator's choice under
// Manage Jenkins » Security, never null upstream (a default strategy stands in). Upstream: "@Extension public class
// GitHostKeyVerificationConfiguration extends GlobalConfiguration implements PersistentDescriptor"; @Extension and
// PersistentDescriptor are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.gitclient;

import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.plugins.gitclient.verifier.HostKeyVerifierFactory;
import org.jenkinsci.plugins.gitclient.verifier.SshHostKeyVerificationStrategy;

public class GitHostKeyVerificationConfiguration extends GlobalConfiguration {

    public SshHostKeyVerificationStrategy<? extends HostKeyVerifierFactory> getSshHostKeyVerificationStrategy() {
        return null;
    }

    public static @NonNull GitHostKeyVerificationConfiguration get() {
        return null;
    }
}
