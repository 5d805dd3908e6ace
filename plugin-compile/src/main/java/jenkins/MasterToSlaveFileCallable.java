// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/MasterToSlaveFileCallable.java at release tag jenkins-2.555.3: .
// Checked against the source at that tag: "public abstract class MasterToSlaveFileCallable<T> implements
// ControllerToAgentFileCallable<T>" (jenkins.agents, since 2.485; its Javadoc advises new code to implement
// ControllerToAgentFileCallable, which records can do). Not deprecated there; the source at that tag that deprecates it
// in favour of a class jenkins.ControllerToAgentFileCallable belongs to an unmerged rename and is not followed.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {
}
