// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/domains/DomainRequirement.java
// (1511.v2e3cb_0008ef0), the element type of the list the plugin passes to includeMatchingAs. Checked against the stored
// copy at commit 4f06fde07c602006b7befa9a3a98de4215a67029: "public class DomainRequirement implements ExtensionPoint,
// Serializable".
// Compile-only declaration: never packaged, no behaviour.
package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

public class DomainRequirement implements ExtensionPoint, Serializable {
}
