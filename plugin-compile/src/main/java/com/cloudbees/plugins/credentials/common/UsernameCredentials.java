// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/UsernameCredentials.java
// at release tag 1502.v5c95e620ddfe: . Checked against the source at that tag: "public interface UsernameCredentials
// extends Credentials { @NonNull String getUsername(); }". Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

public interface UsernameCredentials extends Credentials {

    @NonNull
    String getUsername();
}
