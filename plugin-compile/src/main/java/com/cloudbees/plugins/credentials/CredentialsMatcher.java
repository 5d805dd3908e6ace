// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsMatcher.java
// (1511.v2e3cb_0008ef0): the type only. Checked against the stored copy at commit
// 1ae85b0718035af23102774eb92675b5dc1ea19c: "public interface CredentialsMatcher extends Serializable { boolean
// matches(@NonNull Credentials item); }"; the plugin only combines the matchers CredentialsMatchers makes, so matches is
// left out.
// Compile-only declaration: never packaged, no behaviour.
package com.cloudbees.plugins.credentials;

import java.io.Serializable;

public interface CredentialsMatcher extends Serializable {
}
