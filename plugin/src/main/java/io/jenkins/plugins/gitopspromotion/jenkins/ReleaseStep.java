package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionOrder;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code gitopsRelease}: removes the hold a rollback placed on an app in an environment ({@code .gitops/holds.yaml}),
 * so that promotions take it again: a commit, or a branch and pull request of its own, in the environment's mode; the
 * same result map as {@code gitopsPromote}, with {@code status} {@code released} (or {@code unchanged} when the app was
 * not held).
 *
 * <pre>
 * gitopsRelease repository: 'config', environment: 'prod', app: 'web', reason: 'fixed in 1.5.1'
 * </pre>
 */
public class ReleaseStep extends CellStep {

    /**
     * @param repository a registered config repository's id, or its URL
     * @param environment the environment
     * @param app the app held there
     */
    @DataBoundConstructor
    public ReleaseStep(String repository, String environment, String app) {
        super(repository, environment, app);
    }

    @Override
    PromotionOrder order(RepositoryAccess access) {
        return PromotionOrder.release(access, getEnvironment(), getApp());
    }

    /** The step's name and what it needs. */
    @Extension
    public static final class DescriptorImpl extends RepositoryStepDescriptor {

        @Override
        public String getFunctionName() {
            return "gitopsRelease";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ReleaseStep_DisplayName();
        }
    }
}
