// Mirrors jenkinsci/git-client-plugin
// src/main/java/org/jenkinsci/plugins/gitclient/verifier/ManuallyProvidedKeyVerificationStrategy.java at release tag
// git-client-6.6.1: the type, its @DataBoundConstructor and getApprovedHostKeys() (known_hosts lines the administrator
// pasted); getVerifier(), equals, hashCode and the nested descriptor are left out. The constructor and the getter do
// what upstream's do (the text trimmed, then returned), plain Java the offline tests run.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.gitclient.verifier;

import org.kohsuke.stapler.DataBoundConstructor;

public class ManuallyProvidedKeyVerificationStrategy
        extends SshHostKeyVerificationStrategy<ManuallyProvidedKeyVerifier> {

    private final String approvedHostKeys;

    @DataBoundConstructor
    public ManuallyProvidedKeyVerificationStrategy(String approvedHostKeys) {
        this.approvedHostKeys = approvedHostKeys.trim();
    }

    public String getApprovedHostKeys() {
        return approvedHostKeys;
    }
}
