// Mirrors jenkinsci/jenkins core/src/main/java/hudson/security/Permission.java (2.555 line): the type only; the plugin
// passes the constants Jenkins.ADMINISTER, Item.CONFIGURE, Item.EXTENDED_READ and CredentialsProvider.USE_ITEM.
// Checked against the stored copy at commit ca424862790c601af29ba167157e85c719e0e368: "public final class Permission".
// Compile-only declaration: never packaged, no behaviour.
package hudson.security;

public final class Permission {

    // Upstream has only constructors with arguments; this one only hides the implicit public constructor.
    private Permission() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
