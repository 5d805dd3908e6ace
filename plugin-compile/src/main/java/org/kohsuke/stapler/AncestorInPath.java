// Mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/AncestorInPath.java (the Stapler that Jenkins 2.555
// bundles). Checked against the stored copy at commit 5f78dff0baae6e8561ea983a5255f1cefadcbfeb: @Retention(RUNTIME),
// @Target(PARAMETER), @Documented, no elements. Upstream's @InjectedParameter(HandlerImpl.class) and the nested
// HandlerImpl are left out.
// Compile-only declaration: never packaged, no behaviour.
package org.kohsuke.stapler;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target(PARAMETER)
@Documented
public @interface AncestorInPath {
}
