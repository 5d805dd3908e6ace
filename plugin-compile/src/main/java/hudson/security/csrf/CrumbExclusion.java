// Mirrors jenkinsci/jenkins core/src/main/java/hudson/security/csrf/CrumbExclusion.java at release tag jenkins-2.555.3:
// the class and process(HttpServletRequest, HttpServletResponse, FilterChain) of the jakarta servlet API, which an
// exclusion overrides (upstream's body dispatches to the deprecated javax overload, left out here with all()).
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.security.csrf;

import hudson.ExtensionPoint;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

public abstract class CrumbExclusion implements ExtensionPoint {

    public boolean process(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        return false;
    }
}
