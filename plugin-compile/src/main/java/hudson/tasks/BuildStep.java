// Mirrors jenkinsci/jenkins core/src/main/java/hudson/tasks/BuildStep.java at release tag jenkins-2.555.3: the type
// only, BuildStepDescriptor's bound and SimpleBuildStep's supertype. Its methods are left out:
// BuildStepCompatibilityLayer implements the abstract ones upstream, and the plugin calls none.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.tasks;

public interface BuildStep {
}
