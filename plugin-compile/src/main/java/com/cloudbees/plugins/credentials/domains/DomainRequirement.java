// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/domains/DomainRequirement.java
// at release tag 1502.v5c95e620ddfe: , the element type of the list the plugin passes to includeMatchingAs. Checked
// against the source at that tag: "public class DomainRequirement implements ExtensionPoint, Serializable".
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

public class DomainRequirement implements ExtensionPoint, Serializable {
}
