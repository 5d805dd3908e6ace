// Mirrors jenkinsci/git-client-plugin
// src/main/java/org/jenkinsci/plugins/gitclient/verifier/HostKeyVerifierFactory.java at release tag git-client-6.6.1:
// the type only, the bound of SshHostKeyVerificationStrategy's type parameter; its abstract forCliGit(TaskListener) and
// forJGit(TaskListener) and getKnownHostsFile() are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.gitclient.verifier;

import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public abstract class HostKeyVerifierFactory implements SerializableOnlyOverRemoting {
}
