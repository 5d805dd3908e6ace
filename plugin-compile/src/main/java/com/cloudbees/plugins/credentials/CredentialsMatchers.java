// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsMatchers.java
// (1511.v2e3cb_0008ef0): only the members the plugin uses. Checked against stored copies: "public class
// CredentialsMatchers" with a private constructor, "@NonNull public static CredentialsMatcher instanceOf(@NonNull Class
// clazz)" (raw Class as upstream), "@NonNull public static CredentialsMatcher anyOf(@NonNull CredentialsMatcher...
// matchers)".
// Compile-only declaration: never packaged, no behaviour.
package com.cloudbees.plugins.credentials;

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
}
