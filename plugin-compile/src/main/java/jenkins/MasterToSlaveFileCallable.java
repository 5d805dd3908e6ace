// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/MasterToSlaveFileCallable.java at release tag jenkins-2.555.3:
// the whole class (its body holds only a serialVersionUID), not deprecated at this tag; its Javadoc recommends
// ControllerToAgentFileCallable for new code.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {
}
