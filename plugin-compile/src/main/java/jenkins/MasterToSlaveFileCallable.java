// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/MasterToSlaveFileCallable.java (2.555 line). Checked against the
// stored current copy: "public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T>"
// (jenkins.agents, since 2.485; its Javadoc advises new code to implement ControllerToAgentFileCallable, which records can
// do). Not deprecated there; a stored copy that deprecates it in favour of a class jenkins.ControllerToAgentFileCallable
// (commit 1eb8a25a95977b00e04de7e33e1bb10096d0774d) belongs to an unmerged rename and is not followed.
// Compile-only declaration: never packaged, no behaviour.
package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {
}
