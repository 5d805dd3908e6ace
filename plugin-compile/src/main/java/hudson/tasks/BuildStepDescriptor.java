// Mirrors jenkinsci/jenkins core/src/main/java/hudson/tasks/BuildStepDescriptor.java at release tag jenkins-2.555.3:
// only the protected no-argument constructor (@since 1.278) and the abstract isApplicable(Class<? extends
// AbstractProject>) (raw type as upstream).
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Describable;
import hudson.model.Descriptor;

public abstract class BuildStepDescriptor<T extends BuildStep & Describable<T>> extends Descriptor<T> {

    protected BuildStepDescriptor() {
    }

    @SuppressWarnings("rawtypes") // upstream's signature
    public abstract boolean isApplicable(Class<? extends AbstractProject> jobType);
}
