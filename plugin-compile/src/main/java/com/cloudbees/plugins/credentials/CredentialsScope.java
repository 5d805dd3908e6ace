// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsScope.java at release
// tag 1502.v5c95e620ddfe: the constants SYSTEM, GLOBAL and USER only; their bodies and the abstract getDisplayName()
// and isVisible(ModelObject) they implement are left out. The BOM's 1511.v2e3cb_0008ef0 is not in the snapshot, whose
// newest src/main/java equals this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package com.cloudbees.plugins.credentials;

import java.io.Serializable;

public enum CredentialsScope implements Serializable {
    SYSTEM,
    GLOBAL,
    USER
}
