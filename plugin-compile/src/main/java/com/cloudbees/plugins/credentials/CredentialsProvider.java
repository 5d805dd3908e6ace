// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java at
// release tag 1502.v5c95e620ddfe: only the static members the plugin uses: USE_ITEM, findCredentialById(String, Class,
// Run) and lookupCredentialsInItemGroup(Class, ItemGroup, Authentication, List) (Spring Security's Authentication, raw
// ItemGroup as upstream). The supertypes (Descriptor<CredentialsProvider>, ExtensionPoint, Describable, IconSpec) are
// left out, as nothing else is used. USE_ITEM is initialised with a non-null placeholder, new Permission(null,
// "UseItem", null, null, PermissionScope.JENKINS): upstream's group, description and PermissionScope.ITEM are not
// declared here. The BOM's 1511.v2e3cb_0008ef0 is not in the snapshot, whose newest src/main/java equals this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
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
