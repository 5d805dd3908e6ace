// Mirrors jenkinsci/jenkins core/src/main/java/hudson/security/PermissionScope.java (2.555 line): only the member the plugin
// uses. Checked against the stored copy at commit 1021632f5e1124d219cc4d0cec7f2a44b9914d62: "public final class
// PermissionScope" with "public static final PermissionScope JENKINS" (upstream initialises it with new
// PermissionScope(Jenkins.class); null here).
// Compile-only declaration: never packaged, no behaviour.
package hudson.security;

public final class PermissionScope {

    public static final PermissionScope JENKINS = null;

    // Upstream has only a public constructor with arguments, which the plugin does not call; this one only hides the
    // implicit public constructor.
    private PermissionScope() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
