// Mirrors jenkinsci/plain-credentials-plugin src/main/java/org/jenkinsci/plugins/plaincredentials/StringCredentials.java
// (the version in BOM bom-2.555.x, 199.v9f8e1f741799): only the members the plugin uses. Checked against the stored copy
// at commit 5c564c5e7a304d43a2b4628e4b3ec3757a948ec4: "public interface StringCredentials extends StandardCredentials",
// "@NonNull Secret getSecret()" (its nested NameProvider and @NameWith are not used by the plugin).
// Compile-only declaration: never packaged, no behaviour.
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

public interface StringCredentials extends StandardCredentials {

    @NonNull
    Secret getSecret();
}
