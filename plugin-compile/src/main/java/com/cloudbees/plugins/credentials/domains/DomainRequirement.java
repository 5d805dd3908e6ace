// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/domains/DomainRequirement.java
// at release tag 1502.v5c95e620ddfe: the type only (upstream's body holds just a serialVersionUID), the element type of
// the requirement lists the plugin passes. The BOM's 1511.v2e3cb_0008ef0 is not in the snapshot, whose newest
// src/main/java equals this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

public class DomainRequirement implements ExtensionPoint, Serializable {
}
