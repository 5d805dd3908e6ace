// Mirrors jenkinsci/ssh-credentials-plugin src/main/java/com/cloudbees/jenkins/plugins/sshcredentials/SSHUser.java (the
// version in BOM bom-2.555.x, 372.va_250881b_08cd), SSHUserPrivateKey's supertype. Checked against a stored copy of the
// current file: "@Deprecated public interface SSHUser extends StandardUsernameCredentials {}".
// Compile-only declaration: never packaged, no behaviour.
package com.cloudbees.jenkins.plugins.sshcredentials;

import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;

@Deprecated
public interface SSHUser extends StandardUsernameCredentials {
}
