// Mirrors jenkinsci/jenkins core/src/main/java/hudson/security/Permission.java (2.555 line): only the members the plugin
// uses. Besides the constants Jenkins.ADMINISTER, Jenkins.READ, Item.CONFIGURE, Item.EXTENDED_READ and
// CredentialsProvider.USE_ITEM, the plugin defines its own permission with the constructor below. Checked against the
// stored copy at commit 04d85aa80141ed521ab3ee04d2f0279c346ed6bc (the first pass read ca424862790c601af29ba167157e85c719e0e368):
// "public final class Permission" and "public Permission(@NonNull PermissionGroup group, @NonNull String name,
// @CheckForNull Localizable description, @CheckForNull Permission impliedBy, @NonNull PermissionScope scope)" (not
// deprecated; the overloads without a scope are).
// Compile-only declaration: never packaged, no behaviour.
package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import org.jvnet.localizer.Localizable;

public final class Permission {

    public Permission(@NonNull PermissionGroup group, @NonNull String name,
            @CheckForNull Localizable description, @CheckForNull Permission impliedBy, @NonNull PermissionScope scope) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
