// Mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/DataBoundSetter.java (the Stapler that Jenkins 2.555
// bundles). Checked against the stored copy at commit 18ddae351b554b64713022131cf8b280e6230cba: @Retention(RUNTIME),
// @Target({METHOD, FIELD}), @Documented, no elements.
// Compile-only declaration: never packaged, no behaviour.
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
