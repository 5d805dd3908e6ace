// Mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/verb/POST.java at release tag 2076.v1b_a_c12445eb_e:
// the annotation with upstream's target (methods), retention and @Documented; no elements. Upstream's
// @InterceptorAnnotation (HttpVerbInterceptor, Stage.SELECTION) is left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.kohsuke.stapler.verb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface POST {
}
