// Mirrors jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/Step.java (the version
// in BOM bom-2.555.x, 724.v538c2362b_dfb_): only the members the plugin uses. Checked against the stored copy at commit
// 87f9eb514435e28a128e492ba7b7f1e6888f4fd7: "public abstract class Step extends AbstractDescribableImpl<Step> implements
// ExtensionPoint", "public abstract StepExecution start(StepContext context) throws Exception". Its getDescriptor()
// override (returning StepDescriptor) is not used by the plugin.
// Compile-only declaration: never packaged, no behaviour.
package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

@SuppressWarnings("deprecation") // upstream still extends AbstractDescribableImpl, deprecated in core since 2.505
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {

    public abstract StepExecution start(StepContext context) throws Exception;
}
