// Mirrors jenkinsci/git-client-plugin
// src/main/java/org/jenkinsci/plugins/gitclient/verifier/ManuallyProvidedKeyVerifier.java at release tag
// git-client-6.6.1: the type and its constructor, its strategy's type argument; its verifiers for command line git and
// JGit and getKnownHostsFile() are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.gitclient.verifier;

public class ManuallyProvidedKeyVerifier extends HostKeyVerifierFactory {

    public ManuallyProvidedKeyVerifier(String approvedHostKeys) {
    }
}
