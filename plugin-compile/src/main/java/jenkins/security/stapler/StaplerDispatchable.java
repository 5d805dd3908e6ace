// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/security/stapler/StaplerDispatchable.java at release tag
// jenkins-2.555.3: the whole annotation: upstream's targets (fields, methods), retention and @Documented; no elements.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package jenkins.security.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StaplerDispatchable {
}
