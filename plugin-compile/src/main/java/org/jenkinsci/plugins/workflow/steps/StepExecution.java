// Mirrors jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java at
// release tag 710.v3e456cc85233: only the protected StepExecution(StepContext) and getContext(), both @NonNull. The
// no-argument constructor, the abstract start() and the other members are left out: the plugin's executions extend
// SynchronousNonBlockingStepExecution, which implements start() upstream. The BOM's 724.v538c2362b_dfb_ is not in the
// snapshot, whose newest src/main/java equals this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public abstract class StepExecution implements Serializable {

    protected StepExecution(@NonNull StepContext context) {
    }

    public @NonNull StepContext getContext() {
        return null;
    }
}
