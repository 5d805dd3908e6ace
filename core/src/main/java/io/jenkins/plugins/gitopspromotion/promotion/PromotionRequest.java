package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.config.PromotionMode;
import io.jenkins.plugins.gitopspromotion.git.CommitSigner;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryMode;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import io.jenkins.plugins.gitopspromotion.policy.Hold;
import io.jenkins.plugins.gitopspromotion.pr.ProviderSettings;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * What to promote, where: the config repository and its base branch, the environment, the app (by name, or by
 * its image), where the version comes from, and how to deliver it. Built with {@link #builder}.
 *
 * @param repository the config repository
 * @param auth how to authenticate to it
 * @param base the branch the environments' desired state lives on
 * @param environment the environment to promote into
 * @param app the app's name, or empty to find it by {@code image}
 * @param image the app's image, when the app is not named (only its name is used: the version is {@code version})
 * @param version where the version comes from
 * @param mode a mode overriding the environment's, if any
 * @param buildUrl the URL of the build promoting, recorded in the commit
 * @param sourceCommit the application source commit the image was built from
 * @param sourceUrl a link to that commit
 * @param pullRequests where to open pull requests in {@code pull-request} mode; without it that mode pushes the
 *     branch only
 * @param noPullRequests why there is nowhere to open pull requests, when {@code pullRequests} is empty because
 *     {@code auto} found no provider (reported as a warning when a {@code pull-request} environment pushes its branch
 *     only); empty otherwise
 * @param boundary what to do when cluster credentials are within reach of this process
 * @param dryRun plan and report, but write nothing
 * @param author who the commit is by
 * @param signer what signs the promotion commit, if it is to be signed
 * @param promotedBy who asked for the promotion, when a person did: recorded in a {@code Promoted-By} trailer
 * @param imageName the name the image takes in the environment's files, one of the app's names (a registry move);
 *     only with a given version. Without it, a request naming the app by another of its names ({@code image})
 *     renames to that name, and every other promotion keeps the names the files have (a version taken from
 *     another environment, or from history, comes with its name when the app has other names)
 * @param sourceTime when the source commit was made: recorded in a {@code Source-Time} trailer, from which the delivery
 *     figures measure lead time
 * @param reason why: the reason of the hold a rollback places, of a release, or of overriding a hold (one line)
 * @param overrideHold promote into a held cell all the same (an emergency): needs a {@code reason}, recorded in a
 *     {@code Hold-Overridden} trailer
 * @param overrideFreeze promote inside a freeze window of the environment all the same (an emergency): needs a
 *     {@code reason}, recorded in a {@code Freeze-Overridden} trailer
 * @param reopen whether to propose again a version whose pull request a person closed without merging
 * @param bundle the apps promoted together in one commit or pull request (a bundle), when {@code app} and {@code image}
 *     are empty; empty otherwise
 * @param allApps whether the bundle is every app of the config
 */
public record PromotionRequest(RepositoryLocation repository, GitAuth auth, String base, String environment,
        Optional<String> app, Optional<ImageReference> image, VersionSource version, Optional<PromotionMode> mode,
        Optional<String> buildUrl, Optional<String> sourceCommit, Optional<String> sourceUrl,
        Optional<ProviderSettings> pullRequests, Optional<String> noPullRequests, BoundaryMode boundary, boolean dryRun,
        PersonIdent author, Optional<CommitSigner> signer, Optional<String> promotedBy, Optional<ImageReference> imageName,
        Optional<Instant> sourceTime, Optional<String> reason, boolean overrideHold, boolean overrideFreeze, boolean reopen,
        List<String> bundle, boolean allApps) {

    /** The identity commits are made with when the caller names none. */
    public static final PersonIdent DEFAULT_AUTHOR = new PersonIdent("gitops-promotion", "gitops-promotion@users.noreply.invalid");

    /** Checks the required parts are present and an app is identified. */
    public PromotionRequest {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(boundary, "boundary");
        Objects.requireNonNull(noPullRequests, "noPullRequests");
        Objects.requireNonNull(promotedBy, "promotedBy");
        Objects.requireNonNull(imageName, "imageName");
        Objects.requireNonNull(sourceTime, "sourceTime");
        Objects.requireNonNull(reason, "reason");
        reason.ifPresent(r -> Hold.requireLine("the reason", r));
        boolean promotion = version instanceof VersionSource.Given || version instanceof VersionSource.FromEnvironment;
        String overriding = overrideHold && overrideFreeze ? "a hold and a freeze" : overrideHold ? "a hold" : "a freeze";
        if ((overrideHold || overrideFreeze) && (reason.isEmpty() || !promotion)) {
            throw new IllegalArgumentException(reason.isEmpty() ? "overriding " + overriding + " needs a reason (--reason),"
                    + " recorded in the commit" : "overriding " + overriding + " goes with a promotion: a rollback places"
                    + " a hold and is not frozen, a release removes a hold");
        }
        if (reason.isPresent() && !overrideHold && !overrideFreeze && promotion) {
            throw new IllegalArgumentException("a reason goes with a rollback, a release, or overriding a hold or a freeze"
                    + " (--override-hold, --override-freeze)");
        }
        promotedBy.ifPresent(who -> {
            // A line break would forge trailers after it.
            if (who.isBlank() || who.length() > 200 || who.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("who promoted must be one line of at most 200 characters, not "
                        + InvalidImageReferenceException.quote(who));
            }
        });
        bundle = List.copyOf(bundle);
        boolean several = allApps || !bundle.isEmpty(); // isBundle() reads fields not yet assigned here
        if (app.isEmpty() && image.isEmpty() && !several) {
            throw new IllegalArgumentException("name the app, or the image the app uses");
        }
        if (several) {
            requireBundle(bundle, allApps, app.isPresent() || image.isPresent(), version, imageName.isPresent());
        }
        if (imageName.isPresent() && (imageName.get().tag().isPresent() || imageName.get().digest().isPresent())) {
            throw new IllegalArgumentException("the new image name " + imageName.get() + " is a name without tag or digest;"
                    + " give the version separately");
        }
        if (imageName.isPresent() && !(version instanceof VersionSource.Given)) {
            throw new IllegalArgumentException("a new image name goes with a given tag or digest: a version taken from"
                    + " another environment comes with that environment's name, and a rollback with the name the version had");
        }
        requireOneLine("build URL", buildUrl);
        requireOneLine("source commit", sourceCommit);
        requireOneLine("source URL", sourceUrl);
        // Checked before any fetch: a control character or '..' in a ref name must never reach a refspec or a log.
        if (base.isEmpty() || base.startsWith("-") || !Repository.isValidRefName(Constants.R_HEADS + base)) {
            throw new IllegalArgumentException("the base branch " + InvalidImageReferenceException.quote(base)
                    + " is not a valid branch name (see git check-ref-format: no control characters, spaces, '..', '~',"
                    + " '^', ':', '?', '*', '[', '\\', no leading '-' and no trailing '.lock')");
        }
    }

    /** Whether this request promotes several apps together, in one commit or pull request (a bundle). */
    public boolean isBundle() {
        return allApps || !bundle.isEmpty();
    }

    /** A bundle names its apps once each, or all of them, and takes a version from another environment or given. */
    private static void requireBundle(List<String> bundle, boolean allApps, boolean oneApp, VersionSource version,
            boolean imageName) {
        if (oneApp) {
            throw new IllegalArgumentException("a bundle names its apps, or all of them, and no single app or image");
        }
        if (allApps && !bundle.isEmpty()) {
            throw new IllegalArgumentException("a bundle is all apps or the apps named, not both");
        }
        if (!allApps && bundle.size() < 2) {
            throw new IllegalArgumentException("a bundle names at least two apps, not " + bundle.size());
        }
        if (bundle.stream().distinct().count() != bundle.size()) {
            throw new IllegalArgumentException("a bundle names each app once, not " + String.join(", ", bundle));
        }
        if (version instanceof VersionSource.Rollback || imageName) {
            throw new IllegalArgumentException("a bundle promotes a version taken from another environment or given; a rollback"
                    + " and a new image name go with one app");
        }
    }

    /** Provenance goes into commit trailers and pull requests, a line each: a line break in it would forge more. */
    private static void requireOneLine(String what, Optional<String> value) {
        int at = value.map(InvalidImageReferenceException::firstUnprintable).orElse(-1);
        if (at >= 0) {
            throw new IllegalArgumentException("the " + what + " " + InvalidImageReferenceException.quote(value.get())
                    + " contains a control character at index " + at + "; it goes into a commit trailer and the pull"
                    + " request, which take one line");
        }
    }

    /** A builder for a promotion into {@code environment} of {@code repository}. */
    public static Builder builder(RepositoryLocation repository, String environment) {
        return new Builder(repository, environment);
    }

    /**
     * Builds a {@link PromotionRequest}; defaults: no credentials, base {@code main}, the environment's mode, the
     * credential boundary enforced.
     */
    public static final class Builder {
        private final RepositoryLocation repository;
        private final String environment;
        private GitAuth auth = GitAuth.none();
        private String base = "main";
        private Optional<String> app = Optional.empty();
        private Optional<ImageReference> image = Optional.empty();
        private VersionSource version;
        private Optional<PromotionMode> mode = Optional.empty();
        private Optional<String> buildUrl = Optional.empty();
        private Optional<String> sourceCommit = Optional.empty();
        private Optional<String> sourceUrl = Optional.empty();
        private Optional<ProviderSettings> pullRequests = Optional.empty();
        private Optional<String> noPullRequests = Optional.empty();
        private BoundaryMode boundary = BoundaryMode.ENFORCE;
        private boolean dryRun;
        private PersonIdent author = DEFAULT_AUTHOR;
        private Optional<CommitSigner> signer = Optional.empty();
        private Optional<String> promotedBy = Optional.empty();
        private Optional<ImageReference> imageName = Optional.empty();
        private Optional<Instant> sourceTime = Optional.empty();
        private Optional<String> reason = Optional.empty();
        private boolean overrideHold;
        private boolean overrideFreeze;
        private boolean reopen;
        private List<String> bundle = List.of();
        private boolean allApps;

        private Builder(RepositoryLocation repository, String environment) {
            this.repository = repository;
            this.environment = environment;
        }

        /** Credentials for the repository. */
        public Builder auth(GitAuth value) {
            this.auth = value;
            return this;
        }

        /** The base branch. */
        public Builder base(String value) {
            this.base = value;
            return this;
        }

        /** The app, by name. */
        public Builder app(String value) {
            this.app = Optional.of(value);
            return this;
        }

        /** The app, by its image. */
        public Builder image(ImageReference value) {
            this.image = Optional.of(value);
            return this;
        }

        /** The name the image takes, one of the app's names (a registry move); null keeps the names the files have. */
        public Builder imageName(ImageReference value) {
            this.imageName = Optional.ofNullable(value);
            return this;
        }

        /** Where the version comes from. */
        public Builder version(VersionSource value) {
            this.version = value;
            return this;
        }

        /** A mode overriding the environment's. */
        public Builder mode(PromotionMode value) {
            this.mode = Optional.ofNullable(value);
            return this;
        }

        /** The URL of the build promoting. */
        public Builder buildUrl(String value) {
            this.buildUrl = Optional.ofNullable(value);
            return this;
        }

        /** The application source commit the image was built from. */
        public Builder sourceCommit(String value) {
            this.sourceCommit = Optional.ofNullable(value);
            return this;
        }

        /** A link to the source commit. */
        public Builder sourceUrl(String value) {
            this.sourceUrl = Optional.ofNullable(value);
            return this;
        }

        /** When the source commit was made. */
        public Builder sourceTime(Instant value) {
            this.sourceTime = Optional.ofNullable(value).map(t -> t.truncatedTo(ChronoUnit.SECONDS));
            return this;
        }

        /** Where to open pull requests. */
        public Builder pullRequests(ProviderSettings value) {
            this.pullRequests = Optional.ofNullable(value);
            return this;
        }

        /** Why there is nowhere to open pull requests ({@code auto} found no provider); null when there is no such reason. */
        public Builder noPullRequests(String why) {
            this.noPullRequests = Optional.ofNullable(why);
            return this;
        }

        /** What to do when cluster credentials are within reach (default: refuse). */
        public Builder boundary(BoundaryMode value) {
            this.boundary = value;
            return this;
        }

        /** Plan only. */
        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        /** Who the commit is by. */
        public Builder author(PersonIdent value) {
            this.author = value;
            return this;
        }

        /** What signs the commit; null for an unsigned commit. */
        public Builder signer(CommitSigner value) {
            this.signer = Optional.ofNullable(value);
            return this;
        }

        /** Who asked for the promotion (such as {@code Jane Doe <jane@example.com>}), when a person did. */
        public Builder promotedBy(String value) {
            this.promotedBy = Optional.ofNullable(value);
            return this;
        }

        /** Why: the reason of a rollback's hold, of a release, or of overriding a hold; null for none. */
        public Builder reason(String value) {
            this.reason = Optional.ofNullable(value);
            return this;
        }

        /** Promote into a held cell all the same (with a {@link #reason}). */
        public Builder overrideHold(boolean value) {
            this.overrideHold = value;
            return this;
        }

        /** Promote inside a freeze window all the same (with a {@link #reason}). */
        public Builder overrideFreeze(boolean value) {
            this.overrideFreeze = value;
            return this;
        }

        /** Propose again a version whose pull request a person closed without merging. */
        public Builder reopen(boolean value) {
            this.reopen = value;
            return this;
        }

        /** The apps of a bundle, promoted together in one commit or pull request. */
        public Builder apps(List<String> value) {
            this.bundle = List.copyOf(value);
            return this;
        }

        /** A bundle of every app of the config. */
        public Builder allApps(boolean value) {
            this.allApps = value;
            return this;
        }

        /** The request. */
        public PromotionRequest build() {
            return new PromotionRequest(repository, auth, base, environment, app, image, version, mode, buildUrl, sourceCommit,
                    sourceUrl, pullRequests, noPullRequests, boundary, dryRun, author, signer, promotedBy, imageName, sourceTime, reason,
                    overrideHold, overrideFreeze, reopen, bundle, allApps);
        }
    }
}
