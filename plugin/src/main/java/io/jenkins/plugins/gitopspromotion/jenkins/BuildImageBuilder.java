package io.jenkins.plugins.gitopspromotion.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
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
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Freestyle "Build and push an image": the {@code gitopsBuildImage} step with text fields that may use build
 * variables. Later build steps read the result from {@code GITOPS_IMAGE_REFERENCE} and {@code GITOPS_IMAGE_DIGEST}
 * (so "Promote through the config repository" can take {@code ${GITOPS_IMAGE_REFERENCE}} as its image).
 */
public class BuildImageBuilder extends Builder implements SimpleBuildStep {

    private final BuildImageStep fields;

    /**
     * @param image the image name, {@code [registry[:port]/]repository}, without tag
     * @param tags the tags, separated by spaces or commas
     */
    @DataBoundConstructor
    public BuildImageBuilder(String image, String tags) {
        this.fields = new BuildImageStep(image, tags);
    }

    public String getImage() {
        return fields.getImage();
    }

    public String getTags() {
        return fields.getTags();
    }

    public String getContext() {
        return fields.getContext();
    }

    @DataBoundSetter
    public void setContext(String context) {
        fields.setContext(context);
    }

    public String getFile() {
        return fields.getFile();
    }

    @DataBoundSetter
    public void setFile(String file) {
        fields.setFile(file);
    }

    public String getBuilder() {
        return fields.getBuilder();
    }

    @DataBoundSetter
    public void setBuilder(String builder) {
        fields.setBuilder(builder);
    }

    public String getBuildArgs() {
        return fields.getBuildArgs();
    }

    @DataBoundSetter
    public void setBuildArgs(String buildArgs) {
        fields.setBuildArgs(buildArgs);
    }

    public String getPlatform() {
        return fields.getPlatform();
    }

    @DataBoundSetter
    public void setPlatform(String platform) {
        fields.setPlatform(platform);
    }

    public String getCredentialsId() {
        return fields.getCredentialsId();
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        fields.setCredentialsId(credentialsId);
    }

    public boolean isPush() {
        return fields.isPush();
    }

    @DataBoundSetter
    public void setPush(boolean push) {
        fields.setPush(push);
    }

    public boolean isInsecureRegistry() {
        return fields.isInsecureRegistry();
    }

    @DataBoundSetter
    public void setInsecureRegistry(boolean insecureRegistry) {
        fields.setInsecureRegistry(insecureRegistry);
    }

    public String getLabels() {
        return fields.getLabels();
    }

    @DataBoundSetter
    public void setLabels(String labels) {
        fields.setLabels(labels);
    }

    public String getLayers() {
        return fields.getLayers();
    }

    @DataBoundSetter
    public void setLayers(String layers) {
        fields.setLayers(layers);
    }

    public String getFrom() {
        return fields.getFrom();
    }

    @DataBoundSetter
    public void setFrom(String from) {
        fields.setFrom(from);
    }

    public String getStorageDriver() {
        return fields.getStorageDriver();
    }

    @DataBoundSetter
    public void setStorageDriver(String storageDriver) {
        fields.setStorageDriver(storageDriver);
    }

    public String getIsolation() {
        return fields.getIsolation();
    }

    @DataBoundSetter
    public void setIsolation(String isolation) {
        fields.setIsolation(isolation);
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env, @NonNull Launcher launcher,
            @NonNull TaskListener listener) throws InterruptedException, IOException {
        try {
            ImageBuildRunner.build(run, workspace, env, launcher, listener, fields.order(env::expand), fields.getCredentialsId());
        } catch (IllegalArgumentException e) {
            throw new hudson.AbortException(Messages.ImageBuildRunner_BadInput(e.getMessage()));
        }
    }

    /** The form. */
    @Extension
    @Symbol("gitopsBuildImageBuilder")
    public static final class DescriptorImpl extends GitOpsBuilderDescriptor {

        public DescriptorImpl() {
            super(BuildImageStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BuildImageBuilder_DisplayName();
        }

        /** Registry logins: a user name with a password or token. */
        @Override
        CredentialsMatcher credentialKinds() {
            return CredentialKinds.REGISTRY;
        }

        @POST
        public ListBoxModel doFillBuilderItems(@AncestorInPath Item item) {
            return FormFields.builders(item);
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return FormFields.checkImageName(item, value);
        }

        @POST
        public FormValidation doCheckTags(@AncestorInPath Item item, @QueryParameter String value) {
            return FormFields.checkRequired(item, value);
        }
    }
}
