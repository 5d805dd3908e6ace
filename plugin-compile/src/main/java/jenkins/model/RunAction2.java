// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/model/RunAction2.java (2.555 line), checked against stored copies:
// "public interface RunAction2 extends Action { void onAttached(Run<?, ?> r); void onLoad(Run<?, ?> r); }".
// Compile-only declaration: never packaged, no behaviour.
package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

public interface RunAction2 extends Action {

    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
