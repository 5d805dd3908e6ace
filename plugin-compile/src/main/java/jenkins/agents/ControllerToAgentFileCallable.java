// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/agents/ControllerToAgentFileCallable.java at release tag
// jenkins-2.555.3: the type (@since 2.485) without its default checkRoles(RoleChecker), which is left out with
// remoting's RoleSensitive (see FilePath.java).
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package jenkins.agents;

import hudson.FilePath;

public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {
}
