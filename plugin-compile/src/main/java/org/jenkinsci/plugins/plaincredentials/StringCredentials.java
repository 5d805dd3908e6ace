// Mirrors jenkinsci/plain-credentials-plugin
// src/main/java/org/jenkinsci/plugins/plaincredentials/StringCredentials.java at release tag 199.v9f8e1f741799: only
// the members the plugin uses. Checked against the source at that tag: "public interface StringCredentials extends
// StandardCredentials", "@NonNull Secret getSecret()" (its nested NameProvider and @NameWith are not used by the
// plugin). Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

public interface StringCredentials extends StandardCredentials {

    @NonNull
    Secret getSecret();
}
