// Mirrors jenkinsci/jenkins core/src/main/java/hudson/tasks/BuildStepCompatibilityLayer.java (2.555 line): the type
// only, Builder's superclass. Upstream: "@Deprecated public abstract class BuildStepCompatibilityLayer implements
// BuildStep" (deprecated in the current stored copies; older ones only in Javadoc); its members implement BuildStep's
// methods, which the plugin does not call.
// Compile-only declaration: never packaged, no behaviour.
package hudson.tasks;

@Deprecated
public abstract class BuildStepCompatibilityLayer implements BuildStep {
}
