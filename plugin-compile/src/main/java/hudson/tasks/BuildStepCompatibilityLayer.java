// Mirrors jenkinsci/jenkins core/src/main/java/hudson/tasks/BuildStepCompatibilityLayer.java at release tag
// jenkins-2.555.3: the type only, @Deprecated as upstream, Builder's superclass; its implementations of BuildStep's
// methods are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.tasks;

@Deprecated
public abstract class BuildStepCompatibilityLayer implements BuildStep {
}
