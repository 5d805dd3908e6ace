// Mirrors jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepContext.java
// (724.v538c2362b_dfb_): only the members the plugin uses. Checked against the stored copy at commit
// 20fed33defc5de3df2881882595e09f5e671725b: "public abstract class StepContext implements FutureCallback<Object>,
// Serializable", "public abstract @Nullable <T> T get(Class<T> key) throws IOException, InterruptedException". Guava's
// FutureCallback is left out (Guava is not on this classpath; the plugin never completes a context itself).
// Compile-only declaration: never packaged, no behaviour.
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.Nullable;
import java.io.IOException;
import java.io.Serializable;

public abstract class StepContext implements Serializable {

    public abstract @Nullable <T> T get(Class<T> key) throws IOException, InterruptedException;
}
