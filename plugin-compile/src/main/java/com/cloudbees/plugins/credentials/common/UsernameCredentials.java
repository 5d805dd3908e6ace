// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/UsernameCredentials.java
// at release tag 1502.v5c95e620ddfe: only getUsername() (@NonNull); the default isUsernameSecret() and the nested
// NameProvider are left out. The BOM's 1511.v2e3cb_0008ef0 is not in the snapshot, whose newest src/main/java equals
// this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

public interface UsernameCredentials extends Credentials {

    @NonNull
    String getUsername();
}
