// Mirrors jenkinsci/workflow-step-api-plugin
// src/main/java/org/jenkinsci/plugins/workflow/steps/SynchronousNonBlockingStepExecution.java (724.v538c2362b_dfb_): only
// the members the plugin uses. Checked against the stored copy at commit 03e1a7a81683b7cd2a8f3df6980bc3ddf6477e74:
// "public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution",
// "protected SynchronousNonBlockingStepExecution(@Nonnull StepContext context)", "protected abstract T run() throws
// Exception" (its final start() and other overrides are not used by the plugin).
// Compile-only declaration: never packaged, no behaviour.
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {

    protected SynchronousNonBlockingStepExecution(@NonNull StepContext context) {
        super(context);
        throw new UnsupportedOperationException("compile-only declaration");
    }

    protected abstract T run() throws Exception;
}
