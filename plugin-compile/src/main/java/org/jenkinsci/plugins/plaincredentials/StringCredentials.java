// Mirrors jenkinsci/plain-credentials-plugin
// src/main/java/org/jenkinsci/plugins/plaincredentials/StringCredentials.java at release tag 199.v9f8e1f741799: only
// getSecret() (@NonNull); the nested NameProvider is left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

public interface StringCredentials extends StandardCredentials {

    @NonNull
    Secret getSecret();
}
