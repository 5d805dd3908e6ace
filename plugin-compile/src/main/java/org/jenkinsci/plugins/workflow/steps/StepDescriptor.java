// Mirrors jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepDescriptor.java at
// release tag 710.v3e456cc85233: the abstract methods a plugin descriptor must implement. Checked against the source at
// that tag: "public abstract class StepDescriptor extends Descriptor<Step>" (no explicit constructor), "public abstract
// Set<? extends Class<?>> getRequiredContext()", "public abstract String getFunctionName()". Compile-only declaration,
// never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {

    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();
}
