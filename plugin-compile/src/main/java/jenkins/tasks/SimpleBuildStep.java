// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/tasks/SimpleBuildStep.java at release tag jenkins-2.555.3: only
// the default perform(Run, FilePath, EnvVars, Launcher, TaskListener) (@since 2.241), which the plugin's builders
// implement. The deprecated perform without EnvVars, perform(Run, EnvVars, TaskListener) and requiresWorkspace() (both
// @since 2.258), and the nested LastBuildAction and LastBuildActionFactory are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
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
