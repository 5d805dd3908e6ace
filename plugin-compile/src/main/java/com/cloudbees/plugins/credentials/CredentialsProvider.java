// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java
// (1511.v2e3cb_0008ef0): only the members the plugin uses. Checked against the stored current copy (Spring Security
// APIs): "public abstract class CredentialsProvider extends Descriptor<CredentialsProvider> implements ExtensionPoint,
// Describable<CredentialsProvider>, IconSpec", "public static final Permission USE_ITEM" (@since 1.16; upstream
// initialises it with new Permission(GROUP, "UseItem", ...); null here) and
// "@CheckForNull public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
// @NonNull Run<?, ?> run)". That three-argument overload is marked "@since TODO" in the stored copy, next to the
// (String, Class, Run, DomainRequirement...) overload it deprecates in Javadoc; on a release without it the plugin's call
// binds to the varargs overload instead, with the same meaning. Also, from the stored copy at commit
// 2daaf47dde3d32cd4aae664fab569d57e16e1e3b: "@NonNull public static <C extends Credentials> List<C>
// lookupCredentialsInItemGroup(@NonNull Class<C> type, @Nullable ItemGroup itemGroup, @Nullable Authentication
// authentication, @Nullable List<DomainRequirement> domainRequirements)" (Spring Security's Authentication, raw ItemGroup
// as upstream; "@since TODO" there, the replacement of the deprecated Acegi lookupCredentials overloads). The supertypes
// are left out: the plugin uses only these static members.
// Compile-only declaration: never packaged, no behaviour.
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.ItemGroup;
import hudson.model.Run;
import hudson.security.Permission;
import java.util.List;
import org.springframework.security.core.Authentication;

public abstract class CredentialsProvider {

    public static final Permission USE_ITEM = null;

    @CheckForNull
    public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
            @NonNull Run<?, ?> run) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @NonNull
    @SuppressWarnings("rawtypes") // upstream's signature
    public static <C extends Credentials> List<C> lookupCredentialsInItemGroup(@NonNull Class<C> type,
            @Nullable ItemGroup itemGroup, @Nullable Authentication authentication,
            @Nullable List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
