// Mirrors jenkinsci/credentials-plugin
// src/main/java/com/cloudbees/plugins/credentials/common/UsernamePasswordCredentials.java (1511.v2e3cb_0008ef0). Checked
// against the stored copy at commit 019b4a17b3bcaaf1547823699742440f68d742b4: "public interface
// UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {}".
// Compile-only declaration: never packaged, no behaviour.
package com.cloudbees.plugins.credentials.common;

public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {
}
