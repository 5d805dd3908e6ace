// Mirrors jenkinsci/lib-symbol-annotation src/main/java/org/jenkinsci/Symbol.java (artifact org.jenkins-ci:symbol-annotation,
// which Jenkins core 2.555 and the structs plugin both bring; not in jenkinsci/structs-plugin). Checked against the stored
// copy at commit 8a5658c51991bb9ed6b3cfca56abb6d43143de3d: @Retention(RUNTIME), @Target(TYPE), @Documented,
// "String[] value()". Upstream's @Indexed (annotation-indexer) is left out.
// Compile-only declaration: never packaged, no behaviour.
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
