// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsMatcher.java at
// release tag 1502.v5c95e620ddfe: the whole interface, matches(Credentials), which the plugin's own matcher implements.
// The BOM's 1511.v2e3cb_0008ef0 is not in the snapshot, whose newest src/main/java equals this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public interface CredentialsMatcher extends Serializable {

    boolean matches(@NonNull Credentials item);
}
