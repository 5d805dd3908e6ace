// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/StandardListBoxModel.java
// at release tag 1502.v5c95e620ddfe: . Checked against the source at that tag: "public class StandardListBoxModel
// extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials>" with the implicit public
// constructor the plugin calls; its describe(StandardCredentials) is left out with the abstract method it implements.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package com.cloudbees.plugins.credentials.common;

public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
}
