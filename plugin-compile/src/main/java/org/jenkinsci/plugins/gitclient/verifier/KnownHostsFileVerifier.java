// Mirrors jenkinsci/git-client-plugin
// src/main/java/org/jenkinsci/plugins/gitclient/verifier/KnownHostsFileVerifier.java at release tag git-client-6.6.1:
// the type only, its strategy's type argument; its verifiers for command line git and JGit are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.gitclient.verifier;

public class KnownHostsFileVerifier extends HostKeyVerifierFactory {
}
