// Mirrors jenkinsci/jenkins core/src/main/java/hudson/Extension.java at release tag jenkins-2.555.3: the annotation
// with upstream's retention, targets (types, fields, methods) and @Documented. SezPoz's @Indexable and the elements
// ordinal(), optional() and dynamicLoadable(), all with defaults that the plugin keeps, are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target({TYPE, FIELD, METHOD})
@Documented
public @interface Extension {
}
