// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/tasks/SimpleBuildStep.java (2.555 line): only the members the
// plugin uses. Upstream: "public interface SimpleBuildStep extends BuildStep" with, since 2.241, "default void
// perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env, @NonNull Launcher launcher,
// @NonNull TaskListener listener) throws InterruptedException, IOException" (the four-argument perform without EnvVars,
// abstract in the oldest stored copy at commit 025383c0b03fccb26c24bda3e1adcf3e7c0ff5b9, is a deprecated default since
// 2.241 and is not used by the plugin).
// Compile-only declaration: never packaged, no behaviour.
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
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
