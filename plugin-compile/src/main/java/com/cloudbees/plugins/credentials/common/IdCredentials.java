// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/IdCredentials.java at
// release tag 1502.v5c95e620ddfe: . Checked against the source at that tag: "public interface IdCredentials extends
// Credentials" with "@NonNull String getId()", not called by the plugin. Compile-only declaration, never packaged;
// bodies as plugin-compile/README.md says.
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

public interface IdCredentials extends Credentials {
}
