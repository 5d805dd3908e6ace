// Mirrors jenkinsci/credentials-plugin
// src/main/java/com/cloudbees/plugins/credentials/common/StandardUsernameCredentials.java at release tag
// 1502.v5c95e620ddfe: . Checked against the source at that tag: "public interface StandardUsernameCredentials extends
// StandardCredentials, UsernameCredentials {}". Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package com.cloudbees.plugins.credentials.common;

public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {
}
