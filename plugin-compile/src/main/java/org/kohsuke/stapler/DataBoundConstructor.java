// Mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/DataBoundConstructor.java (the Stapler that Jenkins
// 2.555 bundles). Checked against the stored copy at commit 826b1db77dc3177ea1d49afebafb5a4e7a40b60c:
// @Retention(RUNTIME), @Target(CONSTRUCTOR), @Documented, no elements.
// Compile-only declaration: never packaged, no behaviour.
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
