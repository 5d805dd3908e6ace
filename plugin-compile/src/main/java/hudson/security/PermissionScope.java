// Mirrors jenkinsci/jenkins core/src/main/java/hudson/security/PermissionScope.java at release tag jenkins-2.555.3:
// only the constructor and the constant JENKINS, initialised as upstream with new PermissionScope(Jenkins.class).
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.security;

import hudson.model.ModelObject;
import jenkins.model.Jenkins;

public final class PermissionScope {

    public PermissionScope(Class<? extends ModelObject> modelClass, PermissionScope... containers) {
    }

    public static final PermissionScope JENKINS = new PermissionScope(Jenkins.class);
}
