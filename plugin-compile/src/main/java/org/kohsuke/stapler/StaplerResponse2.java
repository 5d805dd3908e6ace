// Mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerResponse2.java (the Stapler that Jenkins 2.555
// bundles): the type only. Checked against the stored copy at commit 499af8d093f45eac85b3dd2a1b88c1fdd4346355: "public
// interface StaplerResponse2 extends HttpServletResponse" (jakarta.servlet); the plugin calls only HttpServletResponse's
// methods (setStatus, sendError, setContentType, setHeader, getOutputStream), from the real jakarta.servlet-api jar.
// Compile-only declaration: never packaged, no behaviour.
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

public interface StaplerResponse2 extends HttpServletResponse {
}
