// Mirrors jenkinsci/ssh-credentials-plugin src/main/java/com/cloudbees/jenkins/plugins/sshcredentials/SSHUser.java at
// release tag 361.vb_f6760818e8c: , SSHUserPrivateKey's supertype. Checked against the source at that tag: "@Deprecated
// public interface SSHUser extends StandardUsernameCredentials {}". Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package com.cloudbees.jenkins.plugins.sshcredentials;

import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;

@Deprecated
public interface SSHUser extends StandardUsernameCredentials {
}
