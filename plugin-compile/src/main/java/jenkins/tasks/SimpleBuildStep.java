// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/tasks/SimpleBuildStep.java at release tag jenkins-2.555.3: only
// the members the plugin uses. Upstream: "public interface SimpleBuildStep extends BuildStep" with, since 2.241,
// "default void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env, @NonNull Launcher
// launcher, @NonNull TaskListener listener) throws InterruptedException, IOException" (the four-argument perform
// without EnvVars, abstract in the oldest the source at that tag, is a deprecated default since 2.241 and is not used
// by the plugin). Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package jenkins.tasks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStep;
import java.io.IOException;

public interface SimpleBuildStep extends BuildStep {

    default void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
    }
}
