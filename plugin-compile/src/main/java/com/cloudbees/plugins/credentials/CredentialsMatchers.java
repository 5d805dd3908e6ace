// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsMatchers.java at
// release tag 1502.v5c95e620ddfe: the private constructor as upstream, and withId(String) and firstOrNull(Iterable,
// CredentialsMatcher), which the plugin uses. The BOM's 1511.v2e3cb_0008ef0 is not in the snapshot, whose newest
// src/main/java equals this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

public class CredentialsMatchers {

    private CredentialsMatchers() {
    }

    @NonNull
    public static CredentialsMatcher withId(@NonNull String id) {
        return null;
    }

    @CheckForNull
    public static <C extends Credentials> C firstOrNull(@NonNull Iterable<C> credentials,
            @NonNull CredentialsMatcher matcher) {
        return null;
    }
}
