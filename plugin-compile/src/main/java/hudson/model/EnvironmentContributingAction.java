// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/EnvironmentContributingAction.java at release tag
// jenkins-2.555.3: the method the plugin implements. Checked against the stored current form: "public interface
// EnvironmentContributingAction extends Action" with "default void buildEnvironment(@NonNull Run<?, ?> run, @NonNull
// EnvVars env)" (since 2.76); the deprecated, restricted buildEnvVars(AbstractBuild, EnvVars) is left out. Compile-only
// declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;

public interface EnvironmentContributingAction extends Action {

    default void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
    }
}
