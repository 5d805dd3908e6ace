// Mirrors jenkinsci/git-client-plugin
// src/main/java/org/jenkinsci/plugins/gitclient/verifier/AcceptFirstConnectionStrategy.java at release tag
// git-client-6.6.1: the type and its @DataBoundConstructor (the strategy trusts a host's first key and holds it to that
// key); getVerifier() and the nested descriptor are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.gitclient.verifier;

import org.kohsuke.stapler.DataBoundConstructor;

public class AcceptFirstConnectionStrategy extends SshHostKeyVerificationStrategy<AcceptFirstConnectionVerifier> {

    @DataBoundConstructor
    public AcceptFirstConnectionStrategy() {
    }
}
