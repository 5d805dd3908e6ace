// Mirrors jenkinsci/jenkins core/src/main/java/hudson/tasks/Builder.java at release tag jenkins-2.555.3: the type only,
// with upstream's supertypes; its prebuild, getRequiredMonitorService, getDescriptor and all() are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;

@SuppressWarnings("deprecation") // upstream extends the deprecated BuildStepCompatibilityLayer too
public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {
}
