// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/agents/ControllerToAgentFileCallable.java (2.555 line; since
// 2.485). Checked against the stored copy at commit 9f3cd3379a1996cd80b3853ccfe3f8bc3a827e91: "public interface
// ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T>" with a default checkRoles(RoleChecker), left out
// here together with remoting's RoleSensitive (see FilePath.java).
// Compile-only declaration: never packaged, no behaviour.
package jenkins.agents;

import hudson.FilePath;

public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {
}
