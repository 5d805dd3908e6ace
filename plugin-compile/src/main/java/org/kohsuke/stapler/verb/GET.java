// Mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/verb/GET.java (the Stapler that Jenkins 2.555
// bundles). Checked against the stored copy at commit 74da67fd82c1cb3b5a810a53079059290e00437f: @Target(METHOD),
// @Retention(RUNTIME), @Documented, no elements. Upstream's @InterceptorAnnotation(value = HttpVerbInterceptor.class,
// stage = Stage.SELECTION) is left out.
// Compile-only declaration: never packaged, no behaviour.
package org.kohsuke.stapler.verb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface GET {
}
