// Mirrors jenkinsci/jenkins core/src/main/java/hudson/tasks/BuildStepCompatibilityLayer.java at release tag
// jenkins-2.555.3: the type only, Builder's superclass. Upstream: "@Deprecated public abstract class
// BuildStepCompatibilityLayer implements BuildStep" (deprecated in the current the source at that tag; older ones only
// in Javadoc); its members implement BuildStep's methods, which the plugin does not call. Compile-only declaration,
// never packaged; bodies as plugin-compile/README.md says.
package hudson.tasks;

@Deprecated
public abstract class BuildStepCompatibilityLayer implements BuildStep {
}
