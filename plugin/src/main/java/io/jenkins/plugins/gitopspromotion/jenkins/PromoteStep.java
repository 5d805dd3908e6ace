package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionOrder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code gitopsPromote}: promotes an image version into an environment of a config repository, by commit or pull
 * request, and returns {@code [status, commit, branch, pullRequestUrl, …]}.
 *
 * <pre>
 * def r = gitopsPromote repository: 'config', environment: 'dev', image: built.reference
 * gitopsPromote repository: 'config', environment: 'staging', app: 'web', from: 'dev'
 * gitopsPromote repository: 'config', environment: 'prod', build: 'web/main#42'
 * gitopsPromote repository: 'config', environment: 'prod', app: 'web', tag: '1.5.1', overrideHold: true, reason: 'INC-42'
 * gitopsPromote repository: 'config', environment: 'prod', apps: ['web', 'api'], from: 'staging'
 * </pre>
 */
public class PromoteStep extends PromotingStep {

    private final String environment;
    private String app;
    private String image;
    private String tag;
    private String digest;
    private String imageName;
    private String from;
    private String build;
    private String mode;
    private boolean dryRun;
    private boolean overrideHold;
    private boolean overrideFreeze;
    private String reason;
    private boolean reopen;
    private List<String> apps;

    /**
     * @param repository a registered config repository's id, or its URL
     * @param environment the environment to promote into
     */
    @DataBoundConstructor
    public PromoteStep(String repository, String environment) {
        super(repository);
        this.environment = Util.fixEmptyAndTrim(environment);
    }

    public String getEnvironment() {
        return environment;
    }

    public String getApp() {
        return app;
    }

    /** The app, by its name in the config. */
    @DataBoundSetter
    public void setApp(String app) {
        this.app = Util.fixEmptyAndTrim(app);
    }

    public String getImage() {
        return image;
    }

    /** The app, by its image; a tag or digest in it is the version (such as {@code gitopsBuildImage}'s reference). */
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

    public String getImageName() {
        return imageName;
    }

    /**
     * A new name for the image, one the app's config lists under {@code otherNames} (a registry move): set with the
     * version, in every place of the environment's files that writes the name.
     */
    @DataBoundSetter
    public void setImageName(String imageName) {
        this.imageName = Util.fixEmptyAndTrim(imageName);
    }

    public String getFrom() {
        return from;
    }

    /** Promote exactly what this environment runs (build once, deploy many). */
    @DataBoundSetter
    public void setFrom(String from) {
        this.from = Util.fixEmptyAndTrim(from);
    }

    public String getBuild() {
        return build;
    }

    /**
     * Promote exactly the image another build built, {@code JOB#NUMBER} (the job relative to this one's folder, or
     * absolute from {@code /}), with that build and its source commit as the provenance.
     */
    @DataBoundSetter
    public void setBuild(String build) {
        this.build = Util.fixEmptyAndTrim(build);
    }

    public String getMode() {
        return mode;
    }

    /** {@code commit}, {@code pull-request} or {@code branch}; empty for the environment's own mode. */
    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = Util.fixEmptyAndTrim(mode);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isOverrideHold() {
        return overrideHold;
    }

    /** Promote into a cell a rollback holds all the same (an emergency); needs a {@link #setReason reason}. */
    @DataBoundSetter
    public void setOverrideHold(boolean overrideHold) {
        this.overrideHold = overrideHold;
    }

    public boolean isOverrideFreeze() {
        return overrideFreeze;
    }

    /** Promote inside a freeze window of the environment all the same (an emergency); needs a {@link #setReason reason}. */
    @DataBoundSetter
    public void setOverrideFreeze(boolean overrideFreeze) {
        this.overrideFreeze = overrideFreeze;
    }

    public String getReason() {
        return reason;
    }

    /** Why a hold or a freeze is overridden, recorded in the commit. */
    @DataBoundSetter
    public void setReason(String reason) {
        this.reason = Util.fixEmptyAndTrim(reason);
    }

    public List<String> getApps() {
        return apps == null ? null : List.copyOf(apps);
    }

    /**
     * Several apps promoted together in one commit or pull request (a bundle), all or nothing, instead of {@code app} or
     * {@code image}; with {@code from}, or a tag or digest they all take.
     */
    @DataBoundSetter
    public void setApps(List<String> apps) {
        // An ArrayList: what Jenkins persists (XStream) and marshals, unlike the JDK's immutable lists.
        this.apps = apps == null || apps.isEmpty() ? null : new ArrayList<>(apps);
    }

    public boolean isReopen() {
        return reopen;
    }

    /** Propose again a version whose pull request a person closed without merging (a newer version needs no asking). */
    @DataBoundSetter
    public void setReopen(boolean reopen) {
        this.reopen = reopen;
    }

    /**
     * Promotes as these fields say, each text passed through {@code expand} first (the freestyle build step expands
     * build variables; Groovy has done so for a Pipeline): the image another build built when {@code build} names one.
     *
     * @param workspace the workspace on the agent to do the Git work on, or null to do it on the controller
     * @throws AbortException if an input is wrong, or a guard or policy refused (nothing was pushed)
     */
    @Override
    Map<String, Object> promote(Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener, UnaryOperator<String> expand)
            throws IOException, InterruptedException {
        if (build == null) {
            return PromotionRunner.promote(run, workspace, env, listener, order(run, expand));
        }
        if (tag != null || digest != null || from != null) {
            throw new AbortException(Messages.PromoteStep_BuildAndVersion());
        }
        UpstreamBuild upstream = UpstreamBuild.find(run, expand.apply(build), expand.apply(image));
        BuiltImageAction built = upstream.image();
        PromotionOrder order = order(run, expand).image(built.getImage()).tag(built.getTags().isEmpty() ? null : built.getTags().get(0))
                .digest(built.getDigest());
        return PromotionRunner.promote(run, workspace, env, listener, order, upstream.url(), upstream.source());
    }

    /**
     * The order these fields describe, each text passed through {@code expand} first.
     *
     * @throws AbortException if the repository or the credentials cannot be found
     */
    PromotionOrder order(Run<?, ?> run, UnaryOperator<String> expand) throws AbortException {
        return PromotionOrder.promote(access(run, expand), expand.apply(environment))
                .app(expand.apply(app)).image(expand.apply(image)).tag(expand.apply(tag)).digest(expand.apply(digest))
                .imageName(expand.apply(imageName)).from(expand.apply(from)).apps(apps == null ? null : apps.stream().map(expand).toList())
                .mode(mode).dryRun(dryRun).reopen(reopen).overrideHold(overrideHold).overrideFreeze(overrideFreeze)
                .reason(expand.apply(reason)).boundary(GitOpsPromotionConfiguration.get().getBoundary());
    }

    /** The step's name and what it needs. */
    @Extension
    public static final class DescriptorImpl extends RepositoryStepDescriptor {

        @Override
        public String getFunctionName() {
            return "gitopsPromote";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PromoteStep_DisplayName();
        }
    }
}
