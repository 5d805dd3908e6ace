// Mirrors jenkinsci/credentials-plugin
// src/main/java/com/cloudbees/plugins/credentials/common/UsernamePasswordCredentials.java at release tag
// 1502.v5c95e620ddfe: . Checked against the source at that tag: "public interface UsernamePasswordCredentials extends
// UsernameCredentials, PasswordCredentials {}". Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package com.cloudbees.plugins.credentials.common;

public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {
}
