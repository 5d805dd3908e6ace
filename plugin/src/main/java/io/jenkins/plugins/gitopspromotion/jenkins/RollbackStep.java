package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionOrder;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code gitopsRollback}: takes an app in an environment back to its previous version (or the last one with a
 * given tag), found in the environment's own history, as a promotion: same modes, guards and result map. The app is
 * held there (with {@code reason}) until released.
 */
public class RollbackStep extends CellStep {

    private String to;

    /**
     * @param repository a registered config repository's id, or its URL
     * @param environment the environment
     * @param app the app
     */
    @DataBoundConstructor
    public RollbackStep(String repository, String environment, String app) {
        super(repository, environment, app);
    }

    public String getTo() {
        return to;
    }

    /** Go back to the last version with this tag instead of the previous one. */
    @DataBoundSetter
    public void setTo(String to) {
        this.to = Util.fixEmptyAndTrim(to);
    }

    @Override
    PromotionOrder order(RepositoryAccess access) {
        return PromotionOrder.rollback(access, getEnvironment(), getApp(), to);
    }

    /** The step's name and what it needs. */
    @Extension
    public static final class DescriptorImpl extends RepositoryStepDescriptor {

        @Override
        public String getFunctionName() {
            return "gitopsRollback";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RollbackStep_DisplayName();
        }
    }
}
