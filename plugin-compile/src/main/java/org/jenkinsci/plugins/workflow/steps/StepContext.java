// Mirrors jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepContext.java at
// release tag 710.v3e456cc85233: its supertypes, Guava's FutureCallback<Object> (whose onFailure(Throwable) ends a step
// with an error) and Serializable, get(Class) and onSuccess(Object), which the asynchronous gitopsWait completes its
// step with. The other abstract methods are left out. The BOM's
// 724.v538c2362b_dfb_ is not in the snapshot, whose newest src/main/java equals this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import edu.umd.cs.findbugs.annotations.Nullable;
import java.io.IOException;
import java.io.Serializable;

public abstract class StepContext implements FutureCallback<Object>, Serializable {

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    @Override
    public abstract void onSuccess(@Nullable Object result);
}
