// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/security/stapler/StaplerDispatchable.java at release tag
// jenkins-2.555.3: , read at commit 0c0790f49f114f74bce5acac1c73fabd01a24fc4: "@Target({ElementType.FIELD,
// ElementType.METHOD}) @Retention(RetentionPolicy.RUNTIME) @Documented public @interface StaplerDispatchable {}".
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
