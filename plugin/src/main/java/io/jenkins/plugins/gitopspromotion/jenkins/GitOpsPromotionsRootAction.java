package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.RootAction;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jenkins.model.Jenkins;
import jenkins.security.stapler.StaplerDispatchable;

/**
 * "GitOps Promotions" on Jenkins' side panel, for those holding {@link #VIEW}: for each registered config repository,
 * the matrix of which version runs where, from Git alone, with promote-next and rollback for those holding
 * {@link #PROMOTE}.
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

    /**
     * Promote and roll back from the promotion view: a change to a config repository. Implied by Administer; a
     * repository may close some environments to all but some users and groups ({@link EnvironmentRule}).
     */
    public static final Permission PROMOTE = new Permission(PERMISSIONS, "Promote",
            Messages._GitOpsPromotionsRootAction_PromoteDescription(), Jenkins.ADMINISTER, PermissionScope.JENKINS);

    /**
     * See the promotion view: the content of the registered repositories, read with their credentials, which may be
     * private. Not implied by Overall/Read; implied by Promote.
     */
    public static final Permission VIEW = new Permission(PERMISSIONS, "View",
            Messages._GitOpsPromotionsRootAction_ViewDescription(), PROMOTE, PermissionScope.JENKINS);

    private final Map<String, RepositoryPage> pages = new ConcurrentHashMap<>();

    @Override
    public String getIconFileName() {
        return Jenkins.get().hasPermission(VIEW) ? "symbol-git-branch-outline plugin-ionicons-api" : null;
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
        Jenkins.get().checkPermission(VIEW);
        return GitOpsPromotionConfiguration.get().getRepositories();
    }

    /**
     * The view of a registered repository ({@code repository/ID/}), kept between requests so that each refresh
     * re-reads only what changed. Pages of repositories no longer registered are dropped.
     *
     * @return null (404) for an id that is not registered
     */
    @StaplerDispatchable // routed although RepositoryPage has no web method of its own (its page is a view)
    public RepositoryPage getRepository(String id) {
        Jenkins.get().checkPermission(VIEW);
        return pageOf(id).orElse(null);
    }

    /**
     * The page of a registered repository for other pages of this plugin (a build's, a job's), which check
     * permissions themselves.
     *
     * @return empty if the id is not registered
     */
    static Optional<RepositoryPage> page(String id) {
        return ExtensionList.lookupSingleton(GitOpsPromotionsRootAction.class).pageOf(id);
    }

    /** The page kept for a registered repository; pages of repositories no longer registered are dropped. */
    private Optional<RepositoryPage> pageOf(String id) {
        GitOpsPromotionConfiguration configuration = GitOpsPromotionConfiguration.get();
        pages.keySet().removeIf(registered -> configuration.repository(registered).isEmpty());
        return configuration.repository(id).map(registered -> pages.computeIfAbsent(id, RepositoryPage::new));
    }

    /** The pages kept, by repository id. */
    Map<String, RepositoryPage> pages() {
        return Map.copyOf(pages);
    }

    /** The view's script and style. */
    public ViewFiles getAssets() {
        return ViewFiles.INSTANCE;
    }
}
