// Mirrors jenkinsci/jenkins core/src/main/java/hudson/security/ACL.java (2.555 line): only the members the plugin uses.
// Checked against stored copies of the current class: "public abstract class ACL" with "public static final
// Authentication SYSTEM2" (@since 2.266; upstream initialises it with new UsernamePasswordAuthenticationToken(
// SYSTEM_USERNAME, "SYSTEM"); null here).
// Compile-only declaration: never packaged, no behaviour.
package hudson.security;

import org.springframework.security.core.Authentication;

public abstract class ACL {

    public static final Authentication SYSTEM2 = null;
}
