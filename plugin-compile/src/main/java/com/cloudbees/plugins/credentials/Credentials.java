// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/Credentials.java at release tag
// 1502.v5c95e620ddfe: only getScope() (@CheckForNull), which the plugin uses. The abstract covariant getDescriptor()
// (returning CredentialsDescriptor, not declared here) and the default forRun(Run) are left out. The BOM's
// 1511.v2e3cb_0008ef0 is not in the snapshot, whose newest src/main/java equals this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {

    @CheckForNull
    CredentialsScope getScope();
}
