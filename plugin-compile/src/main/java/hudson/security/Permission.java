// Mirrors jenkinsci/jenkins core/src/main/java/hudson/security/Permission.java at release tag jenkins-2.555.3: only the
// members the plugin uses. Besides the constants Jenkins.ADMINISTER, Jenkins.READ, Item.CONFIGURE, Item.EXTENDED_READ
// and CredentialsProvider.USE_ITEM, the plugin defines its own permission with the constructor below. Checked against
// the source at that tag: "public final class Permission" and "public Permission(@NonNull PermissionGroup group,
// @NonNull String name, @CheckForNull Localizable description, @CheckForNull Permission impliedBy, @NonNull
// PermissionScope scope)" (not deprecated; the overloads without a scope are). Compile-only declaration, never
// packaged; bodies as plugin-compile/README.md says.
package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import org.jvnet.localizer.Localizable;

public final class Permission {

    public Permission(@NonNull PermissionGroup group, @NonNull String name,
            @CheckForNull Localizable description, @CheckForNull Permission impliedBy, @NonNull PermissionScope scope) {
    }
}
