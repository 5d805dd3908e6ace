// Mirrors jenkinsci/jenkins core/src/main/java/hudson/security/Permission.java at release tag jenkins-2.555.3: only the
// constructor with a PermissionScope, with which the plugin defines its own permission (the overloads without a scope
// are deprecated). The constants and other members are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import org.jvnet.localizer.Localizable;

public final class Permission {

    public Permission(@NonNull PermissionGroup group, @NonNull String name,
            @CheckForNull Localizable description, @CheckForNull Permission impliedBy, @NonNull PermissionScope scope) {
    }
}
