// Mirrors jenkinsci/credentials-plugin
// src/main/java/com/cloudbees/plugins/credentials/common/UsernamePasswordCredentials.java at release tag
// 1502.v5c95e620ddfe: the type, which has no methods of its own upstream; the nested NameProvider is left out. The
// BOM's 1511.v2e3cb_0008ef0 is not in the snapshot, whose newest src/main/java equals this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package com.cloudbees.plugins.credentials.common;

public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {
}
