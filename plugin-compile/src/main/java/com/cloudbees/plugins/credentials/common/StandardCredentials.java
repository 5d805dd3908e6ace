// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/StandardCredentials.java
// (1511.v2e3cb_0008ef0). Checked against the stored copy at commit 0d65c846b5fbc0c86c0ca2f62277549a178ffc10:
// "public interface StandardCredentials extends IdCredentials" with getDescription() and a nested NameProvider, neither
// used by the plugin.
// Compile-only declaration: never packaged, no behaviour.
package com.cloudbees.plugins.credentials.common;

public interface StandardCredentials extends IdCredentials {
}
