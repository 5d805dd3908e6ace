// Mirrors jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java at
// release tag 710.v3e456cc85233: the protected StepExecution(StepContext) and getContext(), both @NonNull, the abstract
// start(), and stop(Throwable) and onResume(), which an asynchronous execution (gitopsWait) overrides; their bodies
// here do nothing (upstream's stop fails the context). As upstream, the constructor keeps the context and getContext()
// returns it (a field and a getter, which the offline tests of asynchronous executions run). The no-argument
// constructor and the other members are left out. The BOM's 724.v538c2362b_dfb_ is not in the
// snapshot, whose newest src/main/java equals this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public abstract class StepExecution implements Serializable {

    private StepContext context;

    protected StepExecution(@NonNull StepContext context) {
        this.context = context;
    }

    public @NonNull StepContext getContext() {
        return context;
    }

    public abstract boolean start() throws Exception;

    public void stop(@NonNull Throwable cause) throws Exception {
    }

    public void onResume() {
    }
}
