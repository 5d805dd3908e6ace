// Mirrors jenkinsci/git-client-plugin
// src/main/java/org/jenkinsci/plugins/gitclient/verifier/KnownHostsFileVerificationStrategy.java at release tag
// git-client-6.6.1: the type and its @DataBoundConstructor (the strategy uses the known_hosts file of the user running
// the controller or agent); getVerifier() and the nested descriptor are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.gitclient.verifier;

import org.kohsuke.stapler.DataBoundConstructor;

public class KnownHostsFileVerificationStrategy extends SshHostKeyVerificationStrategy<KnownHostsFileVerifier> {

    @DataBoundConstructor
    public KnownHostsFileVerificationStrategy() {
    }
}
