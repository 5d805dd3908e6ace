package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import java.util.List;
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

    private final PromoteStep fields;

    /**
     * @param repository a registered config repository's id, or its URL
     * @param environment the environment to promote into
     */
    @DataBoundConstructor
    public PromoteBuilder(String repository, String environment) {
        this.fields = new PromoteStep(repository, environment);
    }

    public String getRepository() {
        return fields.getRepository();
    }

    public String getEnvironment() {
        return fields.getEnvironment();
    }

    public String getCredentialsId() {
        return fields.getCredentialsId();
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        fields.setCredentialsId(credentialsId);
    }

    public String getApp() {
        return fields.getApp();
    }

    @DataBoundSetter
    public void setApp(String app) {
        fields.setApp(app);
    }

    public String getImage() {
        return fields.getImage();
    }

    @DataBoundSetter
    public void setImage(String image) {
        fields.setImage(image);
    }

    public String getTag() {
        return fields.getTag();
    }

    @DataBoundSetter
    public void setTag(String tag) {
        fields.setTag(tag);
    }

    public String getDigest() {
        return fields.getDigest();
    }

    @DataBoundSetter
    public void setDigest(String digest) {
        fields.setDigest(digest);
    }

    public String getImageName() {
        return fields.getImageName();
    }

    @DataBoundSetter
    public void setImageName(String imageName) {
        fields.setImageName(imageName);
    }

    public String getFrom() {
        return fields.getFrom();
    }

    @DataBoundSetter
    public void setFrom(String from) {
        fields.setFrom(from);
    }

    public String getMode() {
        return fields.getMode();
    }

    @DataBoundSetter
    public void setMode(String mode) {
        fields.setMode(mode);
    }

    public boolean isOnAgent() {
        return fields.isOnAgent();
    }

    @DataBoundSetter
    public void setOnAgent(boolean onAgent) {
        fields.setOnAgent(onAgent);
    }

    public boolean isOverrideHold() {
        return fields.isOverrideHold();
    }

    @DataBoundSetter
    public void setOverrideHold(boolean overrideHold) {
        fields.setOverrideHold(overrideHold);
    }

    public boolean isOverrideFreeze() {
        return fields.isOverrideFreeze();
    }

    @DataBoundSetter
    public void setOverrideFreeze(boolean overrideFreeze) {
        fields.setOverrideFreeze(overrideFreeze);
    }

    public String getReason() {
        return fields.getReason();
    }

    @DataBoundSetter
    public void setReason(String reason) {
        fields.setReason(reason);
    }

    public String getBuild() {
        return fields.getBuild();
    }

    /** Promote exactly the image another build built, {@code JOB#NUMBER}, such as {@code web/main#${UPSTREAM}}. */
    @DataBoundSetter
    public void setBuild(String build) {
        fields.setBuild(build);
    }

    public boolean isDryRun() {
        return fields.isDryRun();
    }

    /** Plan and report, push nothing. */
    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        fields.setDryRun(dryRun);
    }

    public List<String> getApps() {
        return fields.getApps();
    }

    /** Several apps promoted together in one commit or pull request (a bundle), all or nothing. */
    @DataBoundSetter
    public void setApps(List<String> apps) {
        fields.setApps(apps);
    }

    public boolean isReopen() {
        return fields.isReopen();
    }

    /** Propose again a version whose pull request a person closed without merging. */
    @DataBoundSetter
    public void setReopen(boolean reopen) {
        fields.setReopen(reopen);
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env, @NonNull Launcher launcher,
            @NonNull TaskListener listener) throws InterruptedException, IOException {
        fields.promote(run, fields.isOnAgent() ? workspace : null, env, listener, env::expand);
    }

    /** The form: fields filled and checked through {@link FormFields}. */
    @Extension
    @Symbol("gitopsPromoteBuilder")
    public static final class DescriptorImpl extends GitOpsBuilderDescriptor {

        public DescriptorImpl() {
            super(PromoteStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PromoteBuilder_DisplayName();
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
        public FormValidation doCheckImageName(@AncestorInPath Item item, @QueryParameter String value) {
            return FormFields.checkOptionalImageName(item, value);
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
