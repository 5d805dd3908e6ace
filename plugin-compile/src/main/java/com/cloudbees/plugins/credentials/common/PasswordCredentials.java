// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/PasswordCredentials.java
// (1511.v2e3cb_0008ef0). Checked against the stored copy at commit 019b4a17b3bcaaf1547823699742440f68d742b4:
// "public interface PasswordCredentials extends Credentials { @NonNull Secret getPassword(); }".
// Compile-only declaration: never packaged, no behaviour.
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

public interface PasswordCredentials extends Credentials {

    @NonNull
    Secret getPassword();
}
