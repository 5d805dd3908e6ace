// Mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/WebMethod.java (the Stapler that Jenkins 2.555
// bundles). Checked against the stored copy at commit d90183019f39134dcf2f91a253cd1b1212498bf6: @Retention(RUNTIME),
// @Target(METHOD), @Documented, one element "String[] name()" without a default.
// Compile-only declaration: never packaged, no behaviour.
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
