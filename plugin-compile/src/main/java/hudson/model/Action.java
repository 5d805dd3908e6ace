// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Action.java at release tag jenkins-2.555.3: the whole
// interface: getIconFileName(), getDisplayName() (overriding ModelObject's) and getUrlName(), all abstract and
// @CheckForNull.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
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
