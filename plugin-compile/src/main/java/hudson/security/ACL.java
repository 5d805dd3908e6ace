// Mirrors jenkinsci/jenkins core/src/main/java/hudson/security/ACL.java at release tag jenkins-2.555.3: only the
// members the plugin uses. Checked against the source at that tag: "public abstract class ACL" with "public static
// final Authentication SYSTEM2" (@since 2.266; upstream initialises it with new UsernamePasswordAuthenticationToken(
// SYSTEM_USERNAME, "SYSTEM"); null here). Compile-only declaration, never packaged; bodies as plugin-compile/README.md
// says.
package hudson.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

public abstract class ACL {

    public static final Authentication SYSTEM2 = new UsernamePasswordAuthenticationToken("SYSTEM", "SYSTEM");
}
