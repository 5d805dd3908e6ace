// Mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java (the Stapler that Jenkins 2.555
// bundles): only the members the plugin uses. Checked against the stored copy at commit
// 27c548061af5d4292d1446bf03198b255602f04d: "public interface StaplerRequest2 extends HttpServletRequest" (jakarta.servlet)
// with "String getRestOfPath()"; getInputStream() comes from the real jakarta.servlet-api jar.
// Compile-only declaration: never packaged, no behaviour.
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

public interface StaplerRequest2 extends HttpServletRequest {

    String getRestOfPath();
}
