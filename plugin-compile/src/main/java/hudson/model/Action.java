// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Action.java at release tag jenkins-2.555.3: the methods an
// implementing plugin class must see. Checked against the source at that tag: "@CheckForNull String getIconFileName()",
// "@Override @CheckForNull String getDisplayName()", "@CheckForNull default String getUrlName()". Compile-only
// declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public interface Action extends ModelObject {

    @CheckForNull
    String getIconFileName();

    @Override
    @CheckForNull
    String getDisplayName();

    @CheckForNull
    String getUrlName();
}
