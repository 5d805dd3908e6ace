// Mirrors jenkinsci/jenkins core/src/main/java/hudson/security/PermissionGroup.java at release tag jenkins-2.555.3:
// only the constructor PermissionGroup(String, Class, Localizable) (@since 2.127; raw Class as upstream). The
// interfaces Iterable<Permission> and Comparable<PermissionGroup> are left out: the plugin neither iterates nor
// compares groups.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.jvnet.localizer.Localizable;

public final class PermissionGroup {

    @SuppressWarnings("rawtypes") // upstream's signature
    public PermissionGroup(String id, @NonNull Class owner, Localizable title) throws IllegalStateException {
    }
}
