// Mirrors jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java at
// release tag 710.v3e456cc85233: only the members the plugin uses. Checked against the source at that tag: "public
// abstract class StepExecution implements Serializable", "protected StepExecution(@Nonnull StepContext context)",
// "public @Nonnull StepContext getContext()" (current releases use SpotBugs' @NonNull, as here). Its abstract start()
// is implemented by SynchronousNonBlockingStepExecution. Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
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
