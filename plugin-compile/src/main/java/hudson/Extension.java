// Mirrors jenkinsci/jenkins core/src/main/java/hudson/Extension.java (2.555 line): retention and targets as upstream.
// Checked against the stored upstream copy (commit 067fcb824bc1d9bb8c62ff1437e3a9a6be11a427): @Retention(RUNTIME),
// @Target({TYPE, FIELD, METHOD}), @Documented. Upstream also carries SezPoz's @Indexable and the elements ordinal(),
// optional() (and later dynamicLoadable()), all with defaults; the plugin sets none, so none is declared.
// Compile-only declaration: never packaged, no behaviour.
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
