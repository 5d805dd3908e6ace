// Mirrors jenkinsci/workflow-step-api-plugin
// src/main/java/org/jenkinsci/plugins/workflow/steps/SynchronousNonBlockingStepExecution.java at release tag
// 710.v3e456cc85233: only the members the plugin uses. Checked against the source at that tag: "public abstract class
// SynchronousNonBlockingStepExecution<T> extends StepExecution", "protected
// SynchronousNonBlockingStepExecution(@Nonnull StepContext context)", "protected abstract T run() throws Exception"
// (its final start() and other overrides are not used by the plugin). Compile-only declaration, never packaged; bodies
// as plugin-compile/README.md says.
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {

    protected SynchronousNonBlockingStepExecution(@NonNull StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;
}
