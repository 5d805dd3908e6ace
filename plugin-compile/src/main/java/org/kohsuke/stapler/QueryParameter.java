// Mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/QueryParameter.java (the Stapler that Jenkins 2.555
// bundles). Checked against the stored copy at commit 097c12edf867e7aa4f4351322b7f3cdeca28e1c6 (jakarta era):
// @Retention(RUNTIME), @Target(PARAMETER), @Documented. Its elements value(), required() and fixEmpty() all have
// defaults and the plugin sets none, so they are left out, as are @InjectedParameter(HandlerImpl.class) and HandlerImpl.
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
public @interface QueryParameter {
}
