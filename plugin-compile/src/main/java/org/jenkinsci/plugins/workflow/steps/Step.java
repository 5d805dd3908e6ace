// Mirrors jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/Step.java at release
// tag 710.v3e456cc85233: only the members the plugin uses. Checked against the source at that tag: "public abstract
// class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint", "public abstract StepExecution
// start(StepContext context) throws Exception". Its getDescriptor() override (returning StepDescriptor) is not used by
// the plugin. Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

@SuppressWarnings("deprecation") // upstream still extends AbstractDescribableImpl, deprecated in core since 2.505
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {

    public abstract StepExecution start(StepContext context) throws Exception;
}
