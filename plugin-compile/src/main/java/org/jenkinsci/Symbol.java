// Mirrors jenkinsci/lib-symbol-annotation src/main/java/org/jenkinsci/Symbol.java at release tag
// symbol-annotation-1.26: the whole annotation, String[] value(), with upstream's retention, target and @Documented;
// upstream's @Indexed (annotation-indexer) is left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
