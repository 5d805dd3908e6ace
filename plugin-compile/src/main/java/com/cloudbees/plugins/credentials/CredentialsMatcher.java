// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsMatcher.java at
// release tag 1502.v5c95e620ddfe: the type only. Checked against the source at that tag: "public interface
// CredentialsMatcher extends Serializable { boolean matches(@NonNull Credentials item); }"; the plugin only combines
// the matchers CredentialsMatchers makes, so matches is left out. Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public interface CredentialsMatcher extends Serializable {

    boolean matches(@NonNull Credentials item);
}
