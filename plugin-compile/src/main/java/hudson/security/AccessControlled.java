// Mirrors jenkinsci/jenkins core/src/main/java/hudson/security/AccessControlled.java at release tag jenkins-2.555.3:
// only the defaults checkPermission(Permission), which throws Spring Security's AccessDeniedException, and
// hasPermission(Permission). The abstract getACL() is left out: the plugin never reads an ACL, and Jenkins here need
// not implement it.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
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
