package io.jenkins.plugins.gitopspromotion.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitopspromotion.build.BuildOrder;
import io.jenkins.plugins.gitopspromotion.build.BuilderKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code gitopsBuildImage}: builds a container image in the workspace with buildah, podman, docker buildx, kaniko or
 * Jib, pushes it, and returns {@code [image, tags, digest, reference]}, where {@code reference} is
 * {@code NAME@sha256:…}, ready for {@code gitopsPromote image: …}. The digest is the one the builder wrote in its
 * own digest file, never read from its log.
 */
public class BuildImageStep extends Step {

    private final String image;
    private final String tags;
    private String context = ".";
    private String file;
    private String builder = BuilderKind.BUILDAH.toString();
    private String buildArgs;
    private String labels;
    private String platform;
    private String credentialsId;
    private boolean push = true;
    private boolean insecureRegistry;
    private String layers;
    private String from;
    private String storageDriver;
    private String isolation;

    /**
     * @param image the image name, {@code [registry[:port]/]repository}, without tag
     * @param tags the tags, at least one, separated by spaces or commas
     */
    @DataBoundConstructor
    public BuildImageStep(String image, String tags) {
        this.image = Util.fixEmptyAndTrim(image);
        this.tags = Util.fixEmptyAndTrim(tags);
    }

    public String getImage() {
        return image;
    }

    public String getTags() {
        return tags;
    }

    public String getContext() {
        return context;
    }

    /** The build context folder, relative to the workspace. */
    @DataBoundSetter
    public void setContext(String context) {
        String value = Util.fixEmptyAndTrim(context);
        this.context = value == null ? "." : value;
    }

    public String getFile() {
        return file;
    }

    @DataBoundSetter
    public void setFile(String file) {
        this.file = Util.fixEmptyAndTrim(file);
    }

    public String getBuilder() {
        return builder;
    }

    /** {@code buildah} (default), {@code podman}, {@code docker}, {@code kaniko} or {@code jib}. */
    @DataBoundSetter
    public void setBuilder(String builder) {
        String value = Util.fixEmptyAndTrim(builder);
        this.builder = value == null ? BuilderKind.BUILDAH.toString() : value;
    }

    public String getBuildArgs() {
        return buildArgs;
    }

    /** {@code KEY=VALUE} build arguments, one per line. */
    @DataBoundSetter
    public void setBuildArgs(String buildArgs) {
        this.buildArgs = Util.fixEmptyAndTrim(buildArgs);
    }

    public String getLabels() {
        return labels;
    }

    /** {@code KEY=VALUE} labels, one per line; they win over the standard OCI labels. */
    @DataBoundSetter
    public void setLabels(String labels) {
        this.labels = Util.fixEmptyAndTrim(labels);
    }

    public String getPlatform() {
        return platform;
    }

    @DataBoundSetter
    public void setPlatform(String platform) {
        this.platform = Util.fixEmptyAndTrim(platform);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** The registry login: username with password or token. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public boolean isPush() {
        return push;
    }

    /** Push to the registry (default); the digest is known only then. */
    @DataBoundSetter
    public void setPush(boolean push) {
        this.push = push;
    }

    public boolean isInsecureRegistry() {
        return insecureRegistry;
    }

    @DataBoundSetter
    public void setInsecureRegistry(boolean insecureRegistry) {
        this.insecureRegistry = insecureRegistry;
    }

    public String getLayers() {
        return layers;
    }

    /** Jib: {@code SRC:DEST} folders or files put into the image, separated by spaces. */
    @DataBoundSetter
    public void setLayers(String layers) {
        this.layers = Util.fixEmptyAndTrim(layers);
    }

    public String getFrom() {
        return from;
    }

    /** Jib: the base image, or {@code scratch}. */
    @DataBoundSetter
    public void setFrom(String from) {
        this.from = Util.fixEmptyAndTrim(from);
    }

    public String getStorageDriver() {
        return storageDriver;
    }

    /** buildah and podman: the storage driver, e.g. {@code vfs} where overlay is not available. */
    @DataBoundSetter
    public void setStorageDriver(String storageDriver) {
        this.storageDriver = Util.fixEmptyAndTrim(storageDriver);
    }

    public String getIsolation() {
        return isolation;
    }

    /** buildah and podman: how {@code RUN} steps are isolated, e.g. {@code chroot}. */
    @DataBoundSetter
    public void setIsolation(String isolation) {
        this.isolation = Util.fixEmptyAndTrim(isolation);
    }

    /**
     * The order these fields describe, each text passed through {@code expand} first (the freestyle build step
     * expands build variables; Groovy has done so for a Pipeline).
     *
     * @throws IllegalArgumentException naming a malformed field
     */
    BuildOrder order(UnaryOperator<String> expand) {
        BuildOrder order = new BuildOrder(expand.apply(image), items(expand.apply(tags), "[\\s,]+"), builder)
                .context(expand.apply(context)).file(expand.apply(file)).platform(platform).push(push)
                .insecureRegistry(insecureRegistry).from(expand.apply(from)).storage(storageDriver, isolation);
        items(expand.apply(buildArgs), "\\R").forEach(order::buildArg);
        items(expand.apply(labels), "\\R").forEach(order::label);
        items(expand.apply(layers), "\\s+").forEach(order::layer);
        return order;
    }

    /** The items of a text field, split at {@code separators}, blank ones dropped. */
    private static List<String> items(String text, String separators) {
        List<String> items = new ArrayList<>();
        if (text != null) {
            for (String item : text.split(separators)) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(this, context);
    }

    /** Runs on a thread of its own, the build on the agent. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;
        private final transient BuildImageStep step;

        Execution(BuildImageStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            BuildOrder order;
            try {
                order = step.order(UnaryOperator.identity());
            } catch (IllegalArgumentException e) {
                throw new hudson.AbortException(Messages.ImageBuildRunner_BadInput(e.getMessage()));
            }
            return ImageBuildRunner.build(getContext().get(Run.class), getContext().get(FilePath.class), getContext().get(EnvVars.class),
                    getContext().get(Launcher.class), getContext().get(TaskListener.class), order, step.credentialsId);
        }
    }

    /** The step's name and what it needs. */
    @Extension
    public static final class DescriptorImpl extends AgentStepDescriptor {

        @Override
        public String getFunctionName() {
            return "gitopsBuildImage";
        }

        /** The launcher too: builder programs start through it, so that {@code container()} and the like apply. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, EnvVars.class, Launcher.class, TaskListener.class);
        }

        /** Registry logins: a user name with a password or token. */
        @Override
        CredentialsMatcher credentialKinds() {
            return CredentialKinds.REGISTRY;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BuildImageStep_DisplayName();
        }

        @POST
        public ListBoxModel doFillBuilderItems(@AncestorInPath Item item) {
            return FormFields.builders(item);
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return FormFields.checkImageName(item, value);
        }
    }
}
