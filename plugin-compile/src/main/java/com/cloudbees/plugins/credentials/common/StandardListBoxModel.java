// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/StandardListBoxModel.java
// (1511.v2e3cb_0008ef0). Checked against the stored copy at commit aa6343070b278a0628d366d470993b0ab4d65a64:
// "public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel,
// StandardCredentials>" with the implicit public constructor the plugin calls; its describe(StandardCredentials) is left
// out with the abstract method it implements.
// Compile-only declaration: never packaged, no behaviour.
package com.cloudbees.plugins.credentials.common;

public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
}
