// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/Credentials.java (the version in
// BOM bom-2.555.x, 1511.v2e3cb_0008ef0). Checked against the stored copy at commit
// 778d9c4ad436ded8c3ac55c4683eaa1bbcba0e73: "public interface Credentials extends Describable<Credentials>,
// Serializable, ExtensionPoint" with getScope() and a covariant getDescriptor(), neither used by the plugin.
// Compile-only declaration: never packaged, no behaviour.
package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
}
