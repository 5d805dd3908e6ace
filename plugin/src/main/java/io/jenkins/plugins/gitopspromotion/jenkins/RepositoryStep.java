package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that works on a config repository ({@code gitopsPromote}, {@code gitopsRollback},
 * {@code gitopsPromotionStatus}): the repository it names and the credentials that override the registered ones.
 * The help of the fields these steps share sits beside this class, where Jenkins looks for a field's help after the
 * step's own class.
 */
public abstract class RepositoryStep extends Step {

    private final String repository;
    private String credentialsId;

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
