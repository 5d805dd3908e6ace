// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/PasswordCredentials.java
// at release tag 1502.v5c95e620ddfe: . Checked against the source at that tag: "public interface PasswordCredentials
// extends Credentials { @NonNull Secret getPassword(); }". Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

public interface PasswordCredentials extends Credentials {

    @NonNull
    Secret getPassword();
}
