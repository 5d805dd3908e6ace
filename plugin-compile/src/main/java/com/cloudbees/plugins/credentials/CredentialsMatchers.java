// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsMatchers.java at
// release tag 1502.v5c95e620ddfe: only the members the plugin uses. Checked against the source at that tag: "public
// class CredentialsMatchers" with a private constructor, "@NonNull public static CredentialsMatcher instanceOf(@NonNull
// Class clazz)" (raw Class as upstream), "@NonNull public static CredentialsMatcher anyOf(@NonNull
// CredentialsMatcher... matchers)"; and, read there, "@NonNull public static CredentialsMatcher withId(@NonNull String
// id)" and "@CheckForNull public static <C extends Credentials> C firstOrNull(@NonNull Iterable<C> credentials,
// @NonNull CredentialsMatcher matcher)". Compile-only declaration, never packaged; bodies as plugin-compile/README.md
// says.
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

public class CredentialsMatchers {

    private CredentialsMatchers() {
    }

    @NonNull
    @SuppressWarnings("rawtypes") // upstream's signature
    public static CredentialsMatcher instanceOf(@NonNull Class clazz) {
        return null;
    }

    @NonNull
    public static CredentialsMatcher anyOf(@NonNull CredentialsMatcher... matchers) {
        return null;
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
