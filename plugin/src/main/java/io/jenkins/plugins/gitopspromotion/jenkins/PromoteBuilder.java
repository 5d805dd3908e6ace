package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionOrder;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Freestyle "Promote through the config repository": the same promotion as {@code gitopsPromote}, with the version
 * from fields that may use build variables (such as {@code ${GIT_COMMIT}}-based tags).
 */
public class PromoteBuilder extends Builder implements SimpleBuildStep {

    private final String repository;
    private final String environment;
    private String credentialsId;
    private String app;
    private String image;
    private String tag;
    private String digest;
    private String from;
    private String mode;
    private boolean dryRun;

    /**
     * @param repository a registered config repository's id, or its URL
     * @param environment the environment to promote into
     */
    @DataBoundConstructor
    public PromoteBuilder(String repository, String environment) {
        this.repository = Util.fixEmptyAndTrim(repository);
        this.environment = Util.fixEmptyAndTrim(environment);
    }

    public String getRepository() {
        return repository;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getApp() {
        return app;
    }

    @DataBoundSetter
    public void setApp(String app) {
        this.app = Util.fixEmptyAndTrim(app);
    }

    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = Util.fixEmptyAndTrim(image);
    }

    public String getTag() {
        return tag;
    }

    @DataBoundSetter
    public void setTag(String tag) {
        this.tag = Util.fixEmptyAndTrim(tag);
    }

    public String getDigest() {
        return digest;
    }

    @DataBoundSetter
    public void setDigest(String digest) {
        this.digest = Util.fixEmptyAndTrim(digest);
    }

    public String getFrom() {
        return from;
    }

    @DataBoundSetter
    public void setFrom(String from) {
        this.from = Util.fixEmptyAndTrim(from);
    }

    public String getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = Util.fixEmptyAndTrim(mode);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** Plan and report, push nothing. */
    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env, @NonNull Launcher launcher,
            @NonNull TaskListener listener) throws InterruptedException, IOException {
        PromotionOrder order = PromotionOrder.promote(RepositoryTargets.resolve(env.expand(repository), credentialsId, run),
                        env.expand(environment))
                .app(env.expand(app)).image(env.expand(image)).tag(env.expand(tag)).digest(env.expand(digest))
                .from(env.expand(from)).mode(mode).dryRun(dryRun).boundary(GitOpsPromotionConfiguration.get().getBoundary());
        PromotionRunner.promote(run, workspace, env, listener, order);
    }

    /** The form: fields filled and checked through {@link FormFields}. */
    @Extension
    @Symbol("gitopsPromoteBuilder")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        @SuppressWarnings("rawtypes") // upstream's signature
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PromoteBuilder_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return FormFields.credentials(item, credentialsId);
        }

        @POST
        public ListBoxModel doFillModeItems(@AncestorInPath Item item) {
            return FormFields.modes(item);
        }

        @POST
        public FormValidation doCheckRepository(@AncestorInPath Item item, @QueryParameter String value) {
            return FormFields.checkRepository(item, value);
        }

        @POST
        public FormValidation doCheckEnvironment(@AncestorInPath Item item, @QueryParameter String value) {
            return FormFields.checkRequired(item, value);
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return FormFields.checkImage(item, value);
        }

        @POST
        public FormValidation doCheckTag(@AncestorInPath Item item, @QueryParameter String value) {
            return FormFields.checkTag(item, value);
        }

        @POST
        public FormValidation doCheckDigest(@AncestorInPath Item item, @QueryParameter String value) {
            return FormFields.checkDigest(item, value);
        }
    }
}
