// Mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java at release tag
// 2076.v1b_a_c12445eb_e: only getRestOfPath() and bindJSON(Object, JSONObject); the supertype HttpServletRequest (with
// getInputStream()) comes from the real jakarta.servlet API jar.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;
import net.sf.json.JSONObject;

public interface StaplerRequest2 extends HttpServletRequest {

    String getRestOfPath();

    void bindJSON(Object bean, JSONObject src);
}
