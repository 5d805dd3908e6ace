// Mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerResponse2.java at release tag
// 2076.v1b_a_c12445eb_e: the type only; the plugin calls only HttpServletResponse's methods (setStatus, sendError,
// setContentType, setHeader, getOutputStream), from the real jakarta.servlet API jar.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

public interface StaplerResponse2 extends HttpServletResponse {
}
