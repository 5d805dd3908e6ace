// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java at
// release tag 1502.v5c95e620ddfe: only the members the plugin uses. Checked against the source at that tag: "public
// abstract class CredentialsProvider extends Descriptor<CredentialsProvider> implements ExtensionPoint,
// Describable<CredentialsProvider>, IconSpec", "public static final Permission USE_ITEM" (@since 1.16; upstream
// initialises it with new Permission(GROUP, "UseItem", ...); null here) and "@CheckForNull public static <C extends
// IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type, @NonNull Run<?, ?> run)". That
// three-argument overload is marked "@since TODO" in the source at that tag, next to the (String, Class, Run,
// DomainRequirement...) overload it deprecates in Javadoc; on a release without it the plugin's call binds to the
// varargs overload instead, with the same meaning. Also, from the source at that tag: "@NonNull public static <C
// extends Credentials> List<C> lookupCredentialsInItemGroup(@NonNull Class<C> type, @Nullable ItemGroup itemGroup,
// @Nullable Authentication authentication, @Nullable List<DomainRequirement> domainRequirements)" (Spring Security's
// Authentication, raw ItemGroup as upstream; "@since TODO" there, the replacement of the deprecated Acegi
// lookupCredentials overloads). The supertypes are left out: the plugin uses only these static members. Compile-only
// declaration, never packaged; bodies as plugin-compile/README.md says.
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.security.PermissionScope;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.ItemGroup;
import hudson.model.Run;
import hudson.security.Permission;
import java.util.List;
import org.springframework.security.core.Authentication;

public abstract class CredentialsProvider {

    public static final Permission USE_ITEM = new Permission(null, "UseItem", null, null, PermissionScope.JENKINS);

    @CheckForNull
    public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
            @NonNull Run<?, ?> run) {
        return null;
    }

    @NonNull
    @SuppressWarnings("rawtypes") // upstream's signature
    public static <C extends Credentials> List<C> lookupCredentialsInItemGroup(@NonNull Class<C> type,
            @Nullable ItemGroup itemGroup, @Nullable Authentication authentication,
            @Nullable List<DomainRequirement> domainRequirements) {
        return null;
    }
}
