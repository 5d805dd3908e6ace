// Mirrors jenkinsci/jenkins core/src/main/java/hudson/tasks/BuildStepDescriptor.java (2.555 line): only the members the
// plugin uses. Checked against the stored copy at commit 067fcb824bc1d9bb8c62ff1437e3a9a6be11a427: "public abstract class
// BuildStepDescriptor<T extends BuildStep & Describable<T>> extends Descriptor<T>", "protected BuildStepDescriptor()"
// (@since 1.278), "public abstract boolean isApplicable(Class<? extends AbstractProject> jobType)" (raw type as upstream).
// Compile-only declaration: never packaged, no behaviour.
package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Describable;
import hudson.model.Descriptor;

public abstract class BuildStepDescriptor<T extends BuildStep & Describable<T>> extends Descriptor<T> {

    protected BuildStepDescriptor() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @SuppressWarnings("rawtypes") // upstream's signature
    public abstract boolean isApplicable(Class<? extends AbstractProject> jobType);
}
