package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code gitopsWait}: waits until a promotion is merged, deployed or healthy, as the config repository, the reports of
 * the GitOps agents ({@link GitOpsPromotionHooks}) and the Git host's commit statuses tell, and returns
 * {@code [outcome, state, revision, reportedAt, source, message, version, env, app]}; fails when the deployment reports
 * failed or degraded, its pull request was closed without merging, or the time runs out. It holds no executor and
 * blocks no thread while it waits ({@link WaitExecution}), and goes on waiting after a restart of Jenkins.
 *
 * <pre>
 * gitopsPromote repository: 'config', environment: 'staging', app: 'web', from: 'dev'
 * gitopsWait repository: 'config', environment: 'staging', app: 'web', until: 'healthy', timeout: '1h'
 * </pre>
 */
public class WaitStep extends RepositoryStep {

    private final String environment;
    private final String app;
    private String version;
    private String until = "healthy";
    private String timeout = "30m";

    /**
     * @param repository a registered config repository's id, or its URL
     * @param environment the environment
     * @param app the app
     */
    @DataBoundConstructor
    public WaitStep(String repository, String environment, String app) {
        super(repository);
        this.environment = Util.fixEmptyAndTrim(environment);
        this.app = Util.fixEmptyAndTrim(app);
    }

    public String getEnvironment() {
        return environment;
    }

    public String getApp() {
        return app;
    }

    public String getVersion() {
        return version;
    }

    /** The tag (or {@code sha256:…} digest) to wait for; empty: what the promotion branch proposes, else what runs. */
    @DataBoundSetter
    public void setVersion(String version) {
        this.version = Util.fixEmptyAndTrim(version);
    }

    public String getUntil() {
        return until;
    }

    /** {@code merged}, {@code deployed} or {@code healthy} (the default). */
    @DataBoundSetter
    public void setUntil(String until) {
        this.until = Util.fixEmptyAndTrim(until) == null ? "healthy" : until.strip();
    }

    public String getTimeout() {
        return timeout;
    }

    /** How long to wait, such as {@code 30m} (the default), {@code 1h30m} or {@code 90s}. */
    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Util.fixEmptyAndTrim(timeout) == null ? "30m" : timeout.strip();
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        if (environment == null || app == null) {
            throw new AbortException(Messages.WaitStep_Required(environment == null ? "environment" : "app"));
        }
        if (isOnAgent()) {
            throw new AbortException(Messages.WaitStep_NotOnAgent());
        }
        return new WaitExecution(context, new WaitExecution.Target(getRepository(), getCredentialsId(), environment, app, version),
                until, timeout);
    }

    /** The step's name and what it needs: no workspace, no node. */
    @Extension
    public static final class DescriptorImpl extends RepositoryStepDescriptor {

        @Override
        public String getFunctionName() {
            return "gitopsWait";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.WaitStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
