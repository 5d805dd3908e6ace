// Mirrors jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java
// (724.v538c2362b_dfb_): only the members the plugin uses. Checked against the stored copy at commit
// 03e1a7a81683b7cd2a8f3df6980bc3ddf6477e74: "public abstract class StepExecution implements Serializable",
// "protected StepExecution(@Nonnull StepContext context)", "public @Nonnull StepContext getContext()" (current releases
// use SpotBugs' @NonNull, as here). Its abstract start() is implemented by SynchronousNonBlockingStepExecution.
// Compile-only declaration: never packaged, no behaviour.
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public abstract class StepExecution implements Serializable {

    protected StepExecution(@NonNull StepContext context) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public @NonNull StepContext getContext() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
