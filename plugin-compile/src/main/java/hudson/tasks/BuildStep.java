// Mirrors jenkinsci/jenkins core/src/main/java/hudson/tasks/BuildStep.java at release tag jenkins-2.555.3: the type
// only, the bound of BuildStepDescriptor and the supertype of SimpleBuildStep. Upstream ("public interface BuildStep")
// declares prebuild, perform(AbstractBuild, Launcher, BuildListener), getProjectAction(s) and
// getRequiredMonitorService, all implemented by BuildStepCompatibilityLayer or Builder for the plugin's builder, so
// none is declared here. Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.tasks;

public interface BuildStep {
}
