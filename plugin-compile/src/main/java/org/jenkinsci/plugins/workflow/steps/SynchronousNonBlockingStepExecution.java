// Mirrors jenkinsci/workflow-step-api-plugin
// src/main/java/org/jenkinsci/plugins/workflow/steps/SynchronousNonBlockingStepExecution.java at release tag
// 710.v3e456cc85233: the protected constructor, the abstract run() the plugin implements and the final start() (which
// this concrete-for-the-plugin class must implement for StepExecution's abstract one); the other overrides are left out. The BOM's 724.v538c2362b_dfb_ is not in the snapshot, whose newest src/main/java
// equals this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {

    protected SynchronousNonBlockingStepExecution(@NonNull StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        return false;
    }
}
