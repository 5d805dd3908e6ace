// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsMatchers.java
// (1511.v2e3cb_0008ef0): only the members the plugin uses. Checked against stored copies: "public class
// CredentialsMatchers" with a private constructor, "@NonNull public static CredentialsMatcher instanceOf(@NonNull Class
// clazz)" (raw Class as upstream), "@NonNull public static CredentialsMatcher anyOf(@NonNull CredentialsMatcher...
// matchers)"; and, read in the stored copy at commit 27d54558679793070b24b549f9dad4bdc4ac45ac, "@NonNull public static
// CredentialsMatcher withId(@NonNull String id)" and "@CheckForNull public static <C extends Credentials> C
// firstOrNull(@NonNull Iterable<C> credentials, @NonNull CredentialsMatcher matcher)".
// Compile-only declaration: never packaged, no behaviour.
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

public class CredentialsMatchers {

    private CredentialsMatchers() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @NonNull
    @SuppressWarnings("rawtypes") // upstream's signature
    public static CredentialsMatcher instanceOf(@NonNull Class clazz) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @NonNull
    public static CredentialsMatcher anyOf(@NonNull CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @NonNull
    public static CredentialsMatcher withId(@NonNull String id) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @CheckForNull
    public static <C extends Credentials> C firstOrNull(@NonNull Iterable<C> credentials,
            @NonNull CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
