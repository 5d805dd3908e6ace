// Mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/DataBoundConstructor.java at release tag
// 2076.v1b_a_c12445eb_e: the whole annotation: upstream's retention, target (constructors) and @Documented; no
// elements.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.CONSTRUCTOR)
@Documented
public @interface DataBoundConstructor {}
