// Mirrors jenkinsci/git-client-plugin
// src/main/java/org/jenkinsci/plugins/gitclient/verifier/NoHostKeyVerificationStrategy.java at release tag
// git-client-6.6.1: the type and its @DataBoundConstructor (the strategy trusts any host key); getVerifier(), the
// nested descriptor and the class's @Extension are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.gitclient.verifier;

import org.kohsuke.stapler.DataBoundConstructor;

public class NoHostKeyVerificationStrategy extends SshHostKeyVerificationStrategy<NoHostKeyVerifier> {

    @DataBoundConstructor
    public NoHostKeyVerificationStrategy() {
    }
}
