package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.Extension;
import hudson.model.RootAction;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jenkins.model.Jenkins;
import jenkins.security.stapler.StaplerDispatchable;

/**
 * "GitOps Promotions" on Jenkins' side panel: for each registered config repository, the matrix of which version
 * runs where, from Git alone, with promote-next and rollback for those holding {@link #PROMOTE}.
 *
 * <p>URLs: {@code gitops-promotions/} lists the repositories, {@code gitops-promotions/repository/ID/} is one's
 * view, whose page calls {@code api/status}, {@code api/history}, {@code api/promote} and {@code api/rollback}
 * under it; {@code gitops-promotions/assets/} serves the view's script and style.
 */
@Extension
public class GitOpsPromotionsRootAction implements RootAction {

    /** The permissions of GitOps Promotion. */
    public static final PermissionGroup PERMISSIONS = new PermissionGroup("GitOpsPromotion", GitOpsPromotionsRootAction.class,
            Messages._GitOpsPromotionsRootAction_PermissionGroup());

    /** Promote and roll back from the promotion view: a change to a config repository. Implied by Administer. */
    public static final Permission PROMOTE = new Permission(PERMISSIONS, "Promote",
            Messages._GitOpsPromotionsRootAction_PromoteDescription(), Jenkins.ADMINISTER, PermissionScope.JENKINS);

    private final Map<String, RepositoryPage> pages = new ConcurrentHashMap<>();

    @Override
    public String getIconFileName() {
        return Jenkins.get().hasPermission(Jenkins.READ) ? "symbol-git-branch-outline plugin-ionicons-api" : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.GitOpsPromotionsRootAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "gitops-promotions";
    }

    /** The registered repositories, for the list page. */
    public List<ConfigRepository> getRepositories() {
        Jenkins.get().checkPermission(Jenkins.READ);
        return GitOpsPromotionConfiguration.get().getRepositories();
    }

    /**
     * The view of a registered repository ({@code repository/ID/}), kept between requests so that each refresh
     * re-reads only what changed; a new one when the registration changed.
     *
     * @return null (404) for an id that is not registered
     */
    @StaplerDispatchable // routed although RepositoryPage has no web method of its own (its page is a view)
    public RepositoryPage getRepository(String id) {
        Jenkins.get().checkPermission(Jenkins.READ);
        ConfigRepository repository = GitOpsPromotionConfiguration.get().repository(id).orElse(null);
        if (repository == null) {
            return null;
        }
        return pages.compute(id, (key, page) -> page != null && page.isFor(repository) ? page : new RepositoryPage(repository));
    }

    /** The view's script and style. */
    public ViewFiles getAssets() {
        return ViewFiles.INSTANCE;
    }
}
