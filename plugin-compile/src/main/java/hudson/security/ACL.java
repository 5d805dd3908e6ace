// Mirrors jenkinsci/jenkins core/src/main/java/hudson/security/ACL.java at release tag jenkins-2.555.3: only the
// constant SYSTEM2 (@since 2.266), initialised as upstream with new
// UsernamePasswordAuthenticationToken(SYSTEM_USERNAME, "SYSTEM"), the restricted SYSTEM_USERNAME written as its value
// "SYSTEM".
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

public abstract class ACL {

    public static final Authentication SYSTEM2 = new UsernamePasswordAuthenticationToken("SYSTEM", "SYSTEM");
}
