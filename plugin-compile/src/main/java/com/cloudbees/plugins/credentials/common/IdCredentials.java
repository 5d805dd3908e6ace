// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/IdCredentials.java
// (1511.v2e3cb_0008ef0). Checked against the stored copy at commit 019b4a17b3bcaaf1547823699742440f68d742b4:
// "public interface IdCredentials extends Credentials" with "@NonNull String getId()", not called by the plugin.
// Compile-only declaration: never packaged, no behaviour.
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

public interface IdCredentials extends Credentials {
}
