// Mirrors jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepDescriptor.java
// (724.v538c2362b_dfb_): the abstract methods a plugin descriptor must implement. Checked against the stored copy at
// commit 03e1a7a81683b7cd2a8f3df6980bc3ddf6477e74: "public abstract class StepDescriptor extends Descriptor<Step>" (no
// explicit constructor), "public abstract Set<? extends Class<?>> getRequiredContext()",
// "public abstract String getFunctionName()".
// Compile-only declaration: never packaged, no behaviour.
package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {

    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();
}
