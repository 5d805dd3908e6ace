// Mirrors jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepContext.java at
// release tag 710.v3e456cc85233: only the members the plugin uses. Checked against the source at that tag: "public
// abstract class StepContext implements FutureCallback<Object>, Serializable", "public abstract @Nullable <T> T
// get(Class<T> key) throws IOException, InterruptedException". Guava's FutureCallback is left out (Guava is not on this
// classpath; the plugin never completes a context itself). Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.Nullable;
import java.io.IOException;
import java.io.Serializable;

public abstract class StepContext implements Serializable {

    public abstract @Nullable <T> T get(Class<T> key) throws IOException, InterruptedException;
}
