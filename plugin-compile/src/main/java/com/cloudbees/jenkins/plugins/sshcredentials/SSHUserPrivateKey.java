// Mirrors jenkinsci/ssh-credentials-plugin
// src/main/java/com/cloudbees/jenkins/plugins/sshcredentials/SSHUserPrivateKey.java (372.va_250881b_08cd): only the
// members the plugin uses. Checked against the stored copy at commit 08757cf132330fa781b1e5e7f16873b5bfb04861:
// "public interface SSHUserPrivateKey extends SSHUser", "@CheckForNull Secret getPassphrase()",
// "@NonNull List<String> getPrivateKeys()" (@since 0.5); the deprecated getPrivateKey() is not used.
// Compile-only declaration: never packaged, no behaviour.
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
