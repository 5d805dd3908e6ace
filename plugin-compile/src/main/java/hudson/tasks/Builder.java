// Mirrors jenkinsci/jenkins core/src/main/java/hudson/tasks/Builder.java at release tag jenkins-2.555.3: the type only.
// Upstream: "public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>,
// ExtensionPoint" (the source at that tag); its prebuild/getRequiredMonitorService/getDescriptor/all() are not used by
// the plugin (getDescriptor is also Describable's default since 2.505). Compile-only declaration, never packaged;
// bodies as plugin-compile/README.md says.
package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;

@SuppressWarnings("deprecation") // upstream extends the deprecated BuildStepCompatibilityLayer too
public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {
}
