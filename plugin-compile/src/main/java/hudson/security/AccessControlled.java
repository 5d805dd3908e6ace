// Mirrors jenkinsci/jenkins core/src/main/java/hudson/security/AccessControlled.java at release tag jenkins-2.555.3:
// only the members the plugin uses. Checked against the source at that tag of the current interface: "default void
// checkPermission(@NonNull Permission permission) throws AccessDeniedException" (Spring Security's
// org.springframework.security.access.AccessDeniedException) and "default boolean hasPermission(@NonNull Permission
// permission)"; the abstract getACL() is left out because no class here or in the plugin implements AccessControlled
// itself. The older copy at commit a74fb0270e01253a5d733a71379fd773c0956d6e declares both as abstract methods throwing
// the Acegi exception. Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.access.AccessDeniedException;

public interface AccessControlled {

    default void checkPermission(@NonNull Permission permission) throws AccessDeniedException {
    }

    default boolean hasPermission(@NonNull Permission permission) {
        return false;
    }
}
