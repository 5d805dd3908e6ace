// Mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/WebMethod.java at release tag 2076.v1b_a_c12445eb_e:
// the whole annotation: upstream's retention, target (methods), @Documented and the element String[] name(), without a
// default.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.kohsuke.stapler;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target(METHOD)
@Documented
public @interface WebMethod {

    String[] name();
}
