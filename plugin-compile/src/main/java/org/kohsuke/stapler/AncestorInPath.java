// Mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/AncestorInPath.java at release tag
// 2076.v1b_a_c12445eb_e: the annotation with upstream's retention, target (parameters) and @Documented; no elements.
// Upstream's @InjectedParameter(HandlerImpl.class) and the nested HandlerImpl are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
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
