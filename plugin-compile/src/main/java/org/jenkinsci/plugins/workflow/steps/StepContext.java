// Mirrors jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepContext.java at
// release tag 710.v3e456cc85233: only get(Class). Guava's FutureCallback<Object> and the other abstract methods are
// left out: Guava is not on this classpath, and the plugin never completes a context itself. The BOM's
// 724.v538c2362b_dfb_ is not in the snapshot, whose newest src/main/java equals this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.workflow.steps;

import java.io.IOException;
import java.io.Serializable;

public abstract class StepContext implements Serializable {

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;
}
