// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/Credentials.java at release tag
// 1502.v5c95e620ddfe: . Checked against the source at that tag: "public interface Credentials extends
// Describable<Credentials>, Serializable, ExtensionPoint" with getScope() and a covariant getDescriptor(), neither used
// by the plugin. Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {

    @CheckForNull
    CredentialsScope getScope();
}
