package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import hudson.model.Action;
import hudson.model.Api;
import hudson.model.Cause;
import hudson.model.Failure;
import hudson.model.Run;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.standing.AppStanding;
import io.jenkins.plugins.gitopspromotion.standing.Approval;
import io.jenkins.plugins.gitopspromotion.standing.ApprovalRule;
import io.jenkins.plugins.gitopspromotion.standing.Approvals;
import io.jenkins.plugins.gitopspromotion.standing.BuiltVersion;
import io.jenkins.plugins.gitopspromotion.standing.EnvironmentStanding;
import io.jenkins.plugins.gitopspromotion.standing.VersionStanding;
import io.jenkins.plugins.gitopspromotion.view.ViewUser;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jenkins.model.Jenkins;
import jenkins.scm.RunWithSCM;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.verb.POST;

/**
 * "GitOps Promotion" on a build's page ({@code …/gitops-promotion/}, {@code api/json}): the images the build built,
 * where each stands in the registered config repositories (per app, per environment: what runs there, whether this
 * build's version is there or pending, and why it may not enter yet), the promotions the build made, and buttons to
 * promote further or to approve a promotion. The standing is the engine's ({@link VersionStanding}); this class only
 * adds Jenkins' users: permissions, the repository's {@link EnvironmentRule}s and approvals kept on the build.
 */
@ExportedBean(defaultVisibility = 2)
public class BuildPromotionAction implements Action {

    private final Run<?, ?> run;

    BuildPromotionAction(Run<?, ?> run) {
        this.run = run;
    }

    /** The build. */
    public Run<?, ?> getRun() {
        return run;
    }

    /** Whether the current user may see where the images stand (the registered repositories' content). */
    public boolean isCanView() {
        return Jenkins.get().hasPermission(GitOpsPromotionsRootAction.VIEW);
    }

    /** The promotions the build made, and those made from this page, in order. */
    @Exported
    public List<PromotionRecord> getPromotions() {
        PromotionsAction promotions = run.getAction(PromotionsAction.class);
        return promotions == null ? List.of() : promotions.getPromotions();
    }

    /**
     * The images the build built, each with where it stands in every registered repository one of whose apps uses
     * it; without the standing for users who may not view the repositories.
     */
    @Exported
    public List<BuildStandingView.Image> getImages() {
        List<BuiltImageAction> built = run.getActions(BuiltImageAction.class);
        boolean canView = isCanView();
        List<BuildStandingView.Image> images = new ArrayList<>();
        for (int i = 0; i < built.size(); i++) {
            Optional<BuiltVersion> version = built.get(i).version();
            images.add(new BuildStandingView.Image(i, built.get(i), canView && version.isPresent() ? repositories(version.get()) : List.of()));
        }
        return images;
    }

    /** The API: {@code api/json}, {@code api/xml}. */
    public Api getApi() {
        return new Api(this);
    }

    /**
     * {@code POST promote}: promotes image {@code image} of the build into {@code env} for {@code app} of the
     * registered repository {@code repository}, or records the user's approval when the environment needs more. Needs
     * GitOpsPromotion/Promote, the environment's rule, and Jenkins' crumb; redirects to the page.
     *
     * @throws Failure if the user may not, the input names nothing the build has, or the engine refused
     */
    @POST
    public void doPromote(@QueryParameter int image, @QueryParameter String repository, @QueryParameter String app,
            @QueryParameter String env, StaplerResponse2 rsp) throws IOException {
        Jenkins.get().checkPermission(GitOpsPromotionsRootAction.PROMOTE);
        RepositoryPage page = GitOpsPromotionsRootAction.page(repository)
                .orElseThrow(() -> new Failure(Messages.RepositoryPage_NotRegistered(repository)));
        ConfigRepository registration = page.registration();
        List<BuiltImageAction> built = run.getActions(BuiltImageAction.class);
        BuiltImageAction action = image >= 0 && image < built.size() ? built.get(image) : null;
        BuiltVersion version = Optional.ofNullable(action).flatMap(BuiltImageAction::version)
                .orElseThrow(() -> new Failure(Messages.BuildPromotionAction_NoImage(image, run.getFullDisplayName())));
        JenkinsViewUser user = JenkinsViewUser.current(registration);
        String what = app + " in " + env;
        try {
            user.checkMayChange(app, env);
        } catch (ViewUser.ChangeForbiddenException e) {
            PromotionAudit.log(user.who(), "promote", what, repository, "forbidden");
            throw new Failure(e.getMessage());
        }
        Optional<ApprovalRule> rule = approvalRule(registration, env);
        if (rule.isPresent() && !approve(user, rule.get(), BuildApprovalsAction.key(repository, app, env), what, repository)) {
            rsp.sendRedirect(".");
            return;
        }
        promote(page, action, version, user, app, env);
        rsp.sendRedirect(".");
    }

    /**
     * Records the user's approval, if it still counts for something.
     *
     * @return whether the promotion has enough approvals now
     * @throws Failure if the user may not approve
     */
    private boolean approve(JenkinsViewUser user, ApprovalRule rule, String key, String what, String repository) throws IOException {
        BuildApprovalsAction approvals = BuildApprovalsAction.of(run);
        synchronized (approvals) {
            Approvals before = new Approvals(rule, approvals.of(key), involved(run));
            if (before.enough()) {
                return true;
            }
            Optional<String> refusal = before.refusal(user.id(), user.names());
            if (refusal.isPresent()) {
                PromotionAudit.log(user.who(), "approve", what, repository, "refused: " + refusal.get());
                throw new Failure(refusal.get());
            }
            approvals.add(key, user.id(), Instant.now());
            boolean enough = new Approvals(rule, approvals.of(key), involved(run)).enough();
            PromotionAudit.log(user.who(), "approve", what, repository, enough ? "approved, the last approval needed" : "approved");
            return enough;
        }
    }

    /** Promotes on the controller, as the user, and records the result on the build. */
    private void promote(RepositoryPage page, BuiltImageAction action, BuiltVersion version, JenkinsViewUser user, String app, String env)
            throws IOException {
        String what = app + " in " + env;
        PromotionResult result;
        try {
            RepositoryPage.Reach reach = page.reach();
            String root = Jenkins.get().getRootUrl();
            result = VersionStanding.promote(reach.engine(), reach.access(), version, app, env, request -> user.record(
                    RepositoryPage.Reach.hosted(request)).buildUrl(root == null ? null : root + run.getUrl())
                    .sourceCommit(action.getSourceCommit()));
        } catch (IOException | RuntimeException e) {
            PromotionAudit.log(user.who(), "promote", what, page.getId(), "failed: " + e.getMessage());
            throw new Failure(Messages.BuildPromotionAction_Failed(app, env, e.getMessage()));
        }
        Map<String, Object> recorded = PromotionRunner.resultOf(result.toJson());
        PromotionsAction.of(run).add(PromotionRecord.of(page.getRepositoryUrl(), recorded, user.who()));
        PromotionAudit.log(user.who(), "promote", what, page.getId(), result.status().name().toLowerCase(Locale.ROOT) + " "
                + (result.commit() == null ? "-" : result.commit()));
        if (result.status() == PromotionResult.Status.REFUSED) {
            throw new Failure(Messages.PromotionRunner_Refused(result.reason()));
        }
    }

    /** Where the version stands in each registered repository with an app using it. */
    private List<BuildStandingView.Repository> repositories(BuiltVersion version) {
        List<BuildStandingView.Repository> repositories = new ArrayList<>();
        boolean canPromote = Jenkins.get().hasPermission(GitOpsPromotionsRootAction.PROMOTE);
        for (ConfigRepository registration : GitOpsPromotionConfiguration.get().getRepositories()) {
            try {
                RepositoryPage.Reach reach = GitOpsPromotionsRootAction.page(registration.getId())
                        .orElseThrow(() -> new AbortException(Messages.RepositoryPage_NotRegistered(registration.getId()))).reach();
                List<AppStanding> standings = VersionStanding.of(reach.view(), reach.engine(), reach.access(), version,
                        RepositoryPage.Reach::hosted);
                if (!standings.isEmpty()) {
                    JenkinsViewUser user = JenkinsViewUser.current(registration);
                    repositories.add(new BuildStandingView.Repository(registration.getId(), null,
                            standings.stream().map(s -> app(registration, s, user, canPromote)).toList()));
                }
            } catch (IOException | RuntimeException e) {
                repositories.add(new BuildStandingView.Repository(registration.getId(), e.getMessage(), List.of()));
            }
        }
        return repositories;
    }

    private BuildStandingView.App app(ConfigRepository registration, AppStanding standing, JenkinsViewUser user, boolean canPromote) {
        List<BuildStandingView.Environment> environments = new ArrayList<>();
        BuildApprovalsAction recorded = run.getAction(BuildApprovalsAction.class);
        for (EnvironmentStanding environment : standing.environments()) {
            String env = environment.env();
            Optional<ApprovalRule> rule = approvalRule(registration, env);
            List<Approval> given = recorded == null ? List.of() : recorded.of(BuildApprovalsAction.key(registration.getId(), standing.app(), env));
            Approvals approvals = rule.map(r -> new Approvals(r, given, involved(run))).orElse(null);
            String action = null;
            if (environment.verdict() == EnvironmentStanding.Verdict.MAY_ENTER && canPromote
                    && registration.ruleOf(env).map(r -> r.admits(user.names())).orElse(true)) {
                if (approvals == null || approvals.enough()) {
                    action = Messages.BuildPromotionAction_Promote(env);
                } else if (approvals.refusal(user.id(), user.names()).isEmpty()) {
                    action = approvals.missing() == 1 ? Messages.BuildPromotionAction_ApproveAndPromote(env)
                            : Messages.BuildPromotionAction_Approve(env);
                }
            }
            environments.add(new BuildStandingView.Environment(environment, action, rule.map(r -> new BuildStandingView.Approvals(
                    r.required(), approvals.counted(), given.stream().map(Approval::user).toList())).orElse(null)));
        }
        return new BuildStandingView.App(standing, environments);
    }

    /** The approvals promotions into {@code env} need, if any. */
    private static Optional<ApprovalRule> approvalRule(ConfigRepository registration, String env) {
        try {
            return registration.ruleOf(env).flatMap(EnvironmentRule::approvalRule);
        } catch (IllegalArgumentException e) {
            throw new Failure(e.getMessage()); // approvals asked for and nobody named to give them: the configuration's fault
        }
    }

    /** The ids of those who started the build or made the changes it built: kept from approving where duties are separated. */
    static Set<String> involved(Run<?, ?> run) {
        Set<String> ids = new HashSet<>();
        Cause.UserIdCause cause = run.getCause(Cause.UserIdCause.class);
        if (cause != null && cause.getUserId() != null) {
            ids.add(cause.getUserId());
        }
        Set<String> culprits = run instanceof RunWithSCM<?, ?> scm ? scm.getCulpritIds() : null;
        if (culprits != null) {
            ids.addAll(culprits);
        }
        return ids;
    }

    @Override
    public String getIconFileName() {
        return "symbol-git-branch-outline plugin-ionicons-api";
    }

    @Override
    public String getDisplayName() {
        return Messages.BuildPromotionAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "gitops-promotion";
    }
}
