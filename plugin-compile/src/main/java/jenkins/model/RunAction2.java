// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/model/RunAction2.java at release tag jenkins-2.555.3: the whole
// interface, onAttached(Run) and onLoad(Run).
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

public interface RunAction2 extends Action {

    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
