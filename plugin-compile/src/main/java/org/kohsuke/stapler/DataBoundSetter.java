// Mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/DataBoundSetter.java at release tag
// 2076.v1b_a_c12445eb_e: the whole annotation: upstream's retention, targets (methods, fields) and @Documented; no
// elements.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.kohsuke.stapler;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target({METHOD, FIELD})
@Documented
public @interface DataBoundSetter {
}
