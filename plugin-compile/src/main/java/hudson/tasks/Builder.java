// Mirrors jenkinsci/jenkins core/src/main/java/hudson/tasks/Builder.java (2.555 line): the type only. Upstream: "public
// abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint" (stored
// copy at commit 019082390f0a36bb1a6b318dbf740dba0aaf4230); its prebuild/getRequiredMonitorService/getDescriptor/all()
// are not used by the plugin (getDescriptor is also Describable's default since 2.505).
// Compile-only declaration: never packaged, no behaviour.
package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;

@SuppressWarnings("deprecation") // upstream extends the deprecated BuildStepCompatibilityLayer too
public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {
}
