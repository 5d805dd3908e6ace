// Mirrors jenkinsci/credentials-plugin
// src/main/java/com/cloudbees/plugins/credentials/common/StandardUsernamePasswordCredentials.java at release tag
// 1502.v5c95e620ddfe: . Checked against the source at that tag: "public interface StandardUsernamePasswordCredentials
// extends StandardUsernameCredentials, UsernamePasswordCredentials" (its nested NameProvider and the
// @Recommended/@NameWith annotations are not used by the plugin). Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package com.cloudbees.plugins.credentials.common;

public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {
}
