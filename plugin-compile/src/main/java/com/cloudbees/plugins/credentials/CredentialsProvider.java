// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java
// (1511.v2e3cb_0008ef0): only the members the plugin uses. Checked against the stored current copy (Spring Security
// APIs): "public abstract class CredentialsProvider extends Descriptor<CredentialsProvider> implements ExtensionPoint,
// Describable<CredentialsProvider>, IconSpec", "public static final Permission USE_ITEM" (@since 1.16; upstream
// initialises it with new Permission(GROUP, "UseItem", ...); null here) and
// "@CheckForNull public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
// @NonNull Run<?, ?> run)". That three-argument overload is marked "@since TODO" in the stored copy, next to the
// (String, Class, Run, DomainRequirement...) overload it deprecates in Javadoc; on a release without it the plugin's call
// binds to the varargs overload instead, with the same meaning. The supertypes are left out: the plugin uses only these
// static members.
// Compile-only declaration: never packaged, no behaviour.
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import hudson.security.Permission;

public abstract class CredentialsProvider {

    public static final Permission USE_ITEM = null;

    @CheckForNull
    public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
            @NonNull Run<?, ?> run) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
