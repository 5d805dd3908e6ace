// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/StandardListBoxModel.java
// at release tag 1502.v5c95e620ddfe: the class with its implicit public constructor, which the plugin calls. Its
// describe(StandardCredentials) is left out with the abstract method it implements. The BOM's 1511.v2e3cb_0008ef0 is
// not in the snapshot, whose newest src/main/java equals this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package com.cloudbees.plugins.credentials.common;

public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
}
