// Mirrors jenkinsci/ssh-credentials-plugin src/main/java/com/cloudbees/jenkins/plugins/sshcredentials/SSHUser.java at
// release tag 361.vb_f6760818e8c: the whole type, an empty @Deprecated interface extending StandardUsernameCredentials,
// SSHUserPrivateKey's supertype. The BOM's 372.va_250881b_08cd is not in the snapshot, whose newest src/main/java
// equals this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package com.cloudbees.jenkins.plugins.sshcredentials;

import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;

@Deprecated
public interface SSHUser extends StandardUsernameCredentials {
}
