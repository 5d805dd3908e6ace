package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that works on a config repository ({@code gitopsPromote}, {@code gitopsRollback},
 * {@code gitopsPromotionStatus}, {@code gitopsRelease}): the repository it names and the credentials that override the registered ones.
 * The help of the fields these steps share sits beside this class, where Jenkins looks for a field's help after the
 * step's own class.
 */
public abstract class RepositoryStep extends Step {

    private final String repository;
    private String credentialsId;
    private boolean onAgent;

    /** @param repository a registered config repository's id, or its URL */
    protected RepositoryStep(String repository) {
        this.repository = Util.fixEmptyAndTrim(repository);
    }

    public String getRepository() {
        return repository;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** Credentials overriding the registered repository's. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public boolean isOnAgent() {
        return onAgent;
    }

    /**
     * Do the Git work on the agent of the enclosing {@code node} instead of on the controller: for networks where only
     * agents reach the Git host. By default the step needs no agent and works on the controller's warm mirror.
     */
    @DataBoundSetter
    public void setOnAgent(boolean onAgent) {
        this.onAgent = onAgent;
    }

    /**
     * Where the step's Git work runs: the workspace of the enclosing {@code node} when {@link #isOnAgent()}, else null
     * (the controller).
     *
     * @throws AbortException if the step is to work on an agent outside any {@code node}
     */
    FilePath workspace(StepContext context) throws IOException, InterruptedException {
        if (!onAgent) {
            return null;
        }
        FilePath workspace = context.get(FilePath.class);
        if (workspace == null) {
            throw new AbortException(Messages.RepositoryStep_OnAgentNeedsNode());
        }
        return workspace;
    }

    /**
     * How to reach the repository, with the credentials the build may use; the name passed through {@code expand}
     * first (the freestyle build step expands build variables; Groovy has done so for a Pipeline).
     *
     * @throws AbortException if nothing is named, or the credentials cannot be found
     */
    RepositoryAccess access(Run<?, ?> run, UnaryOperator<String> expand) throws AbortException {
        return RepositoryTargets.resolve(expand.apply(repository), credentialsId, run);
    }
}
