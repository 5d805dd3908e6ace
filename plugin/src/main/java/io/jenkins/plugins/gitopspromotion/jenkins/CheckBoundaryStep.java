package io.jenkins.plugins.gitopspromotion.jenkins;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopspromotion.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code gitopsCheckBoundary}: fails the build (or only warns, when asked) if the agent, with the build's
 * environment, holds cluster credentials: a kubeconfig, a service account token, cloud credentials. Returns the
 * findings as maps ({@code kind}, {@code where}, {@code remedy}, {@code refuses}); what refuses nothing (the
 * variables every Kubernetes pod has) is listed and logged, and fails nothing.
 */
public class CheckBoundaryStep extends Step {

    private boolean warnOnly;

    @DataBoundConstructor
    public CheckBoundaryStep() {
    }

    public boolean isWarnOnly() {
        return warnOnly;
    }

    /** Log the findings and go on instead of failing. */
    @DataBoundSetter
    public void setWarnOnly(boolean warnOnly) {
        this.warnOnly = warnOnly;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(warnOnly, context);
    }

    /** Runs on a thread of its own, the check on the agent. */
    static final class Execution extends SynchronousNonBlockingStepExecution<List<Map<String, Object>>> {

        private static final long serialVersionUID = 1L;
        private final boolean warnOnly;

        Execution(boolean warnOnly, StepContext context) {
            super(context);
            this.warnOnly = warnOnly;
        }

        @Override
        protected List<Map<String, Object>> run() throws Exception {
            TaskListener listener = getContext().get(TaskListener.class);
            JsonNode report = Json.mapper().readTree(getContext().get(FilePath.class)
                    .act(new BoundaryOnAgent(getContext().get(EnvVars.class))));
            List<Map<String, Object>> findings = new ArrayList<>();
            int refusing = 0;
            for (JsonNode finding : report.path("findings")) {
                Map<String, Object> map = new LinkedHashMap<>();
                finding.properties().forEach(field -> map.put(field.getKey(),
                        field.getValue().isBoolean() ? field.getValue().asBoolean() : field.getValue().asText()));
                findings.add(map);
                boolean refuses = Boolean.TRUE.equals(map.get("refuses"));
                refusing += refuses ? 1 : 0;
                listener.getLogger().println(refuses ? Messages.CheckBoundaryStep_Finding(map.get("kind"), map.get("where"), map.get("remedy"))
                        : Messages.CheckBoundaryStep_Noted(map.get("kind"), map.get("where"), map.get("remedy")));
            }
            if (refusing == 0) {
                listener.getLogger().println(Messages.CheckBoundaryStep_Clear());
            } else if (!warnOnly) {
                throw new AbortException(Messages.CheckBoundaryStep_Failed(refusing));
            }
            return findings;
        }
    }

    /** The step's name and what it needs. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(FilePath.class, EnvVars.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "gitopsCheckBoundary";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CheckBoundaryStep_DisplayName();
        }
    }
}
