// Mirrors jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/Step.java at release
// tag 710.v3e456cc85233: only the abstract start(StepContext), with upstream's supertypes; the covariant
// getDescriptor() (returning StepDescriptor) is left out. The BOM's 724.v538c2362b_dfb_ is not in the snapshot, whose
// newest src/main/java equals this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

@SuppressWarnings("deprecation") // upstream still extends AbstractDescribableImpl, deprecated in core since 2.505
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {

    public abstract StepExecution start(StepContext context) throws Exception;
}
