package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.config.PromotionMode;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryMode;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.ImageTag;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A promotion, rollback or release as a front end receives it, in plain, serializable values: the Jenkins plugin fills one
 * from step parameters on the controller, {@linkplain #check() checks} it there so that bad input fails before any
 * work starts, and turns it into a {@link PromotionRequest} on the agent that does the work.
 *
 * <p>Blank values count as absent, as form fields and Pipeline maps give them.
 */
public final class PromotionOrder implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RepositoryAccess access;
    private final String environment;
    private String app;
    private String image;
    private String imageName;
    private String tag;
    private String digest;
    private String from;
    private boolean rollback;
    private String rollbackTo;
    private boolean release;
    private String reason;
    private boolean overrideHold;
    private boolean overrideFreeze;
    private String mode;
    private String boundary = BoundaryMode.ENFORCE.optionName();
    private boolean dryRun;
    private boolean reopen;
    private ArrayList<String> apps = new ArrayList<>(); // a concrete serializable list: the order travels to agents
    private String buildUrl;
    private String sourceCommit;
    private String sourceUrl;
    private String authorName;
    private String authorEmail;

    private PromotionOrder(RepositoryAccess access, String environment) {
        this.access = Objects.requireNonNull(access, "access");
        this.environment = environment;
    }

    /** A promotion of a given version (or another environment's) into {@code environment}. */
    public static PromotionOrder promote(RepositoryAccess access, String environment) {
        return new PromotionOrder(access, environment);
    }

    /** A rollback of {@code app} in {@code environment} to its previous version, or to {@code toTag} when given. */
    public static PromotionOrder rollback(RepositoryAccess access, String environment, String app, String toTag) {
        PromotionOrder order = new PromotionOrder(access, environment).app(app);
        order.rollback = true;
        order.rollbackTo = blankToNull(toTag);
        return order;
    }

    /** A release of the hold a rollback placed on {@code app} in {@code environment}. */
    public static PromotionOrder release(RepositoryAccess access, String environment, String app) {
        PromotionOrder order = new PromotionOrder(access, environment).app(app);
        order.release = true;
        return order;
    }

    /** Why: the reason of a rollback's hold, of a release, or of overriding a hold. */
    public PromotionOrder reason(String value) {
        this.reason = blankToNull(value);
        return this;
    }

    /** Promote into a held cell all the same (an emergency; needs a {@link #reason}). */
    public PromotionOrder overrideHold(boolean value) {
        this.overrideHold = value;
        return this;
    }

    /** Promote inside a freeze window all the same (an emergency; needs a {@link #reason}). */
    public PromotionOrder overrideFreeze(boolean value) {
        this.overrideFreeze = value;
        return this;
    }

    /** The app, by its name in the config. */
    public PromotionOrder app(String value) {
        this.app = blankToNull(value);
        return this;
    }

    /** The app, by its image; a tag or digest in it is the version. */
    public PromotionOrder image(String value) {
        this.image = blankToNull(value);
        return this;
    }

    /**
     * The name the image takes in the environment's files, one of the app's names (a registry move), set with the
     * version promoted; absent: the names stay (an app asked for by another of its names through {@link #image}
     * takes that name).
     */
    public PromotionOrder imageName(String value) {
        this.imageName = blankToNull(value);
        return this;
    }

    /** The tag to promote. */
    public PromotionOrder tag(String value) {
        this.tag = blankToNull(value);
        return this;
    }

    /** The digest to promote. */
    public PromotionOrder digest(String value) {
        this.digest = blankToNull(value);
        return this;
    }

    /** The environment whose version to promote (build once, deploy many). */
    public PromotionOrder from(String value) {
        this.from = blankToNull(value);
        return this;
    }

    /** {@code commit}, {@code pull-request} or {@code branch}; absent: the environment's own mode. */
    public PromotionOrder mode(String value) {
        this.mode = blankToNull(value);
        return this;
    }

    /** {@code enforce}, {@code warn} or {@code off}: what cluster credentials within reach do. */
    public PromotionOrder boundary(String value) {
        this.boundary = Optional.ofNullable(blankToNull(value)).orElse(BoundaryMode.ENFORCE.optionName());
        return this;
    }

    /** Plan and report, push nothing. */
    public PromotionOrder dryRun(boolean value) {
        this.dryRun = value;
        return this;
    }

    /** The apps of a bundle, promoted together in one commit or pull request; none for one app. */
    public PromotionOrder apps(List<String> value) {
        this.apps = value == null ? new ArrayList<>() : new ArrayList<>(value);
        return this;
    }

    /** Propose again a version whose pull request a person closed without merging. */
    public PromotionOrder reopen(boolean value) {
        this.reopen = value;
        return this;
    }

    /** The build promoting, and the source commit (and its web address) its image was built from. */
    public PromotionOrder provenance(String build, String commit, String commitUrl) {
        this.buildUrl = blankToNull(build);
        this.sourceCommit = blankToNull(commit);
        this.sourceUrl = blankToNull(commitUrl);
        return this;
    }

    /** Who the commit is by; absent: the default promotion author. */
    public PromotionOrder author(String name, String email) {
        this.authorName = blankToNull(name);
        this.authorEmail = blankToNull(email);
        return this;
    }

    /** The repository. */
    public RepositoryAccess access() {
        return access;
    }

    /** The target environment. */
    public String environment() {
        return environment;
    }

    /**
     * Checks every input without touching the repository, so that a mistake is reported before work starts.
     *
     * @throws IllegalArgumentException naming the input that is wrong
     */
    public PromotionOrder check() {
        request();
        return this;
    }

    /**
     * The request this order describes.
     *
     * @throws IllegalArgumentException naming the input that is wrong
     */
    public PromotionRequest request() {
        if (environment == null || environment.isBlank()) {
            throw new IllegalArgumentException("give the environment to promote into");
        }
        if (!apps.isEmpty() && (app != null || image != null)) {
            throw new IllegalArgumentException("give the apps of a bundle, or one app by its name or by its image, not both");
        }
        if (apps.isEmpty() && (app == null) == (image == null)) {
            throw new IllegalArgumentException("give the app either by its name or by its image, not both or neither");
        }
        PromotionRequest.Builder request = access.request(environment)
                .mode(mode == null ? null : PromotionMode.fromConfigName(mode).orElseThrow(() -> new IllegalArgumentException(
                        "mode " + mode + ": use one of " + PromotionMode.configNames())))
                .boundary(BoundaryMode.fromOptionName(boundary).orElseThrow(() -> new IllegalArgumentException(
                        "boundary " + boundary + ": use one of " + BoundaryMode.optionNames())))
                .buildUrl(buildUrl)
                .sourceCommit(sourceCommit)
                .sourceUrl(sourceUrl)
                .reason(reason)
                .overrideHold(overrideHold)
                .overrideFreeze(overrideFreeze)
                .dryRun(dryRun)
                .reopen(reopen);
        if (authorName != null && authorEmail != null) {
            request.author(new PersonIdent(authorName, authorEmail));
        }
        ImageReference reference = image == null ? null : ImageReference.parse(image);
        request.imageName(imageName == null ? null : ImageReference.parseName(imageName));
        if (reference != null) {
            request.image(reference);
        } else if (!apps.isEmpty()) {
            request.apps(apps);
        } else {
            request.app(app);
        }
        if (release) {
            request.version(new VersionSource.Release());
        } else if (rollback) {
            Optional.ofNullable(rollbackTo).ifPresent(ImageTag::requireValid);
            request.version(new VersionSource.Rollback(Optional.ofNullable(rollbackTo)));
        } else {
            request.version(VersionSource.choose(tag, digest, reference, from));
        }
        return request.build();
    }

    @Override
    public String toString() {
        return (release ? "release of " : rollback ? "rollback of " : "promotion of ")
                + (app != null ? app : image != null ? image : String.join(", ", apps)) + " in " + environment + " of "
                + access.url();
    }

    /** {@code null} for a blank value, as form fields and Pipeline maps give absent ones. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
