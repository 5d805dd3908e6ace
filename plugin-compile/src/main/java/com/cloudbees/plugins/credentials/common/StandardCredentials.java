// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/StandardCredentials.java
// at release tag 1502.v5c95e620ddfe: the type only; getDescription() and the nested NameProvider, which the plugin does
// not use, are left out. The BOM's 1511.v2e3cb_0008ef0 is not in the snapshot, whose newest src/main/java equals this
// tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package com.cloudbees.plugins.credentials.common;

public interface StandardCredentials extends IdCredentials {
}
