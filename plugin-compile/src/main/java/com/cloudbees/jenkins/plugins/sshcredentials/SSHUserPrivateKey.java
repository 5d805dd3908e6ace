// Mirrors jenkinsci/ssh-credentials-plugin
// src/main/java/com/cloudbees/jenkins/plugins/sshcredentials/SSHUserPrivateKey.java at release tag 361.vb_f6760818e8c:
// only the members the plugin uses, getPassphrase() (@CheckForNull) and getPrivateKeys() (@NonNull). The deprecated
// default getPrivateKey() is left out. The BOM's 372.va_250881b_08cd is not in the snapshot, whose newest src/main/java
// equals this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package com.cloudbees.jenkins.plugins.sshcredentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;
import java.util.List;

@SuppressWarnings("deprecation") // upstream extends the deprecated SSHUser too
public interface SSHUserPrivateKey extends SSHUser {

    @CheckForNull
    Secret getPassphrase();

    @NonNull
    List<String> getPrivateKeys();
}
