// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/EnvironmentContributingAction.java at release tag
// jenkins-2.555.3: only the default buildEnvironment(Run, EnvVars) (@since 2.76), which the plugin implements; the
// deprecated, restricted buildEnvVars(AbstractBuild, EnvVars) is left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;

public interface EnvironmentContributingAction extends Action {

    default void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
    }
}
