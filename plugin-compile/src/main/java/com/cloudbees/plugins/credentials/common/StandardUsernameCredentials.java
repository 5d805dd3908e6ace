// Mirrors jenkinsci/credentials-plugin
// src/main/java/com/cloudbees/plugins/credentials/common/StandardUsernameCredentials.java (1511.v2e3cb_0008ef0). Checked
// against the stored copy at commit 150e25d0d9c1efff4315645855531f135cc4c806: "public interface
// StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {}".
// Compile-only declaration: never packaged, no behaviour.
package com.cloudbees.plugins.credentials.common;

public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {
}
