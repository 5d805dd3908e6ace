// Mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/export/ExportedBean.java at release tag
// 2076.v1b_a_c12445eb_e: the annotation with upstream's target, retention, @Documented, @Inherited and its element.
// Upstream's @Indexed (annotation-indexer, which lists the beans at build time) is left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.kohsuke.stapler.export;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Target(ElementType.TYPE)
public @interface ExportedBean {

    int defaultVisibility() default 1;
}
