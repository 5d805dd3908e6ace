package io.jenkins.plugins.gitopspromotion.jenkins;

import io.jenkins.plugins.gitopspromotion.standing.AppStanding;
import io.jenkins.plugins.gitopspromotion.standing.EnvironmentStanding;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * What a build's GitOps Promotion page shows, as plain objects with getters (Jelly reads nothing else), exported for
 * scripts ({@code api/json}): each image the build built, where it stands in each registered repository, and what the
 * current user may do there.
 */
public final class BuildStandingView {

    private BuildStandingView() {
    }

    /** One image the build built. */
    @ExportedBean(defaultVisibility = 2)
    public static final class Image {
        private final int index;
        private final BuiltImageAction built;
        private final List<Repository> repositories;

        Image(int index, BuiltImageAction built, List<Repository> repositories) {
            this.index = index;
            this.built = built;
            this.repositories = List.copyOf(repositories);
        }

        /** Its place among the build's images, which the page's forms name. */
        @Exported
        public int getIndex() {
            return index;
        }

        /** The image's name. */
        @Exported
        public String getName() {
            return built.getImage();
        }

        /** {@code NAME@sha256:…}, or {@code NAME:TAG} when it was not pushed. */
        @Exported
        public String getReference() {
            return built.label();
        }

        /** Its tags. */
        @Exported
        public List<String> getTags() {
            return built.getTags();
        }

        /** The pushed digest, or null. */
        @Exported
        public String getDigest() {
            return built.getDigest();
        }

        /** The source commit, or null. */
        @Exported
        public String getSourceCommit() {
            return built.getSourceCommit();
        }

        /** Where it stands in each registered repository that has an app using it (or that could not be read). */
        @Exported
        public List<Repository> getRepositories() {
            return repositories;
        }
    }

    /** A registered repository, as far as the image is concerned. */
    @ExportedBean(defaultVisibility = 2)
    public static final class Repository {
        private final String id;
        private final String error;
        private final List<App> apps;

        Repository(String id, String error, List<App> apps) {
            this.id = id;
            this.error = error;
            this.apps = List.copyOf(apps);
        }

        /** The repository's id. */
        @Exported
        public String getId() {
            return id;
        }

        /** Why it could not be read, or null. */
        @Exported
        public String getError() {
            return error;
        }

        /** The apps using the image. */
        @Exported
        public List<App> getApps() {
            return apps;
        }
    }

    /** An app using the image. */
    @ExportedBean(defaultVisibility = 2)
    public static final class App {
        private final AppStanding standing;
        private final List<Environment> environments;

        App(AppStanding standing, List<Environment> environments) {
            this.standing = standing;
            this.environments = List.copyOf(environments);
        }

        /** The app. */
        @Exported
        public String getName() {
            return standing.app();
        }

        /** Its environments, in promotion order. */
        @Exported
        public List<Environment> getEnvironments() {
            return environments;
        }
    }

    /** An environment, for the image and the current user. */
    @ExportedBean(defaultVisibility = 2)
    public static final class Environment {
        private final EnvironmentStanding standing;
        private final String action;
        private final Approvals approvals;

        /**
         * @param action the button's label when the user may press it (promote, or approve), or null
         * @param approvals the approvals, or null when the environment needs none
         */
        Environment(EnvironmentStanding standing, String action, Approvals approvals) {
            this.standing = standing;
            this.action = action;
            this.approvals = approvals;
        }

        /** The environment. */
        @Exported
        public String getName() {
            return standing.env();
        }

        /** What it runs now, or "-" when that cannot be read. */
        @Exported
        public String getRuns() {
            return standing.runs() == null ? "-" : standing.runs();
        }

        /** {@code HERE}, {@code PENDING} or {@code ABSENT}: whether it has the build's version. */
        @Exported
        public String getPresence() {
            return standing.presence().name();
        }

        /** {@code THERE}, {@code PROPOSED}, {@code MAY_ENTER} or {@code REFUSED}: what a promotion would do now. */
        @Exported
        public String getVerdict() {
            return standing.verdict().name();
        }

        /** Why a promotion would be refused, or null. */
        @Exported
        public String getReason() {
            return standing.reason();
        }

        /** The promotion branch that proposes a version for the environment, or null. */
        @Exported
        public String getPendingBranch() {
            return standing.pending() == null ? null : standing.pending().branch();
        }

        /** The pull request that proposes it, when one is known (an http(s) link), or null. */
        @Exported
        public String getPullRequestUrl() {
            return standing.pending() == null || standing.pending().pullRequest() == null ? null
                    : PromotionRecord.webLink(standing.pending().pullRequest().url());
        }

        /** Whether it has the build's version, for people: here, pending, or not yet (and why it may not enter). */
        public String getState() {
            return switch (standing.presence()) {
                case HERE -> Messages.BuildStandingView_Here();
                case PENDING -> Messages.BuildStandingView_Pending(standing.pending() == null ? "-" : standing.pending().branch());
                case ABSENT -> standing.verdict() == EnvironmentStanding.Verdict.REFUSED ? Messages.BuildStandingView_Refused(standing.reason())
                        : Messages.BuildStandingView_NotYet();
            };
        }

        /** The button's label, or null when the current user may do nothing here. */
        @Exported
        public String getAction() {
            return action;
        }

        /** The approvals, or null when the environment needs none. */
        @Exported
        public Approvals getApprovals() {
            return approvals;
        }
    }

    /** Where a promotion's approvals stand. */
    @ExportedBean(defaultVisibility = 2)
    public static final class Approvals {
        private final int required;
        private final List<String> counted;
        private final List<String> given;

        /**
         * @param required how many are needed
         * @param counted the users whose approvals count
         * @param given everyone who approved, in order, whether it counts or not
         */
        Approvals(int required, List<String> counted, List<String> given) {
            this.required = required;
            this.counted = List.copyOf(counted);
            this.given = List.copyOf(given);
        }

        /** How many are needed. */
        @Exported
        public int getRequired() {
            return required;
        }

        /** The users whose approvals count. */
        @Exported
        public List<String> getCounted() {
            return counted;
        }

        /** Everyone who approved, oldest first. */
        @Exported
        public List<String> getGiven() {
            return given;
        }

        /** {@code 1 of 2: alice}, for people. */
        public String getSummary() {
            return Messages.BuildStandingView_Approvals(counted.size(), required, counted.isEmpty() ? "-" : String.join(", ", counted));
        }
    }
}
