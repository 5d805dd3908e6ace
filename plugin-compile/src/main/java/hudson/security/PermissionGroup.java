// Mirrors jenkinsci/jenkins core/src/main/java/hudson/security/PermissionGroup.java (2.555 line): only the constructor the
// plugin calls. Checked against the stored copy at commit 104dafee1d109497fc9718deb3e33349963b62f9: "public final class
// PermissionGroup implements Iterable<Permission>, Comparable<PermissionGroup>" and "public PermissionGroup(String id,
// @NonNull Class owner, Localizable title) throws IllegalStateException" (@since 2.127; raw Class as upstream). The
// supertypes are left out: the plugin neither iterates nor compares groups.
// Compile-only declaration: never packaged, no behaviour.
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.jvnet.localizer.Localizable;

public final class PermissionGroup {

    @SuppressWarnings("rawtypes") // upstream's signature
    public PermissionGroup(String id, @NonNull Class owner, Localizable title) throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
