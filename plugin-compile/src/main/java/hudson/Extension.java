// Mirrors jenkinsci/jenkins core/src/main/java/hudson/Extension.java at release tag jenkins-2.555.3: retention and
// targets as upstream. Checked against the source at that tag: @Retention(RUNTIME), @Target({TYPE, FIELD, METHOD}),
// @Documented. Upstream also carries SezPoz's @Indexable and the elements ordinal(), optional() (and later
// dynamicLoadable()), all with defaults; the plugin sets none, so none is declared. Compile-only declaration, never
// packaged; bodies as plugin-compile/README.md says.
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
