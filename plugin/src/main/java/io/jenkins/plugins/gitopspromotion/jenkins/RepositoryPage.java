package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import io.jenkins.plugins.gitopspromotion.git.NetworkSettings;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryMode;
import io.jenkins.plugins.gitopspromotion.promotion.AccessCredentials;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import io.jenkins.plugins.gitopspromotion.view.PromotionView;
import io.jenkins.plugins.gitopspromotion.view.ViewApi;
import jenkins.model.Jenkins;

/**
 * The promotion view of one registered config repository. Unlike build steps, the view runs on the controller: it
 * belongs to no build and no agent. Its mirror lives under {@code JENKINS_HOME/caches/gitops-promotion}.
 *
 * <p>The registration and its credentials are read again for each request, so that a changed registration or a
 * rotated secret takes effect at once; the view itself (which re-reads only what changed between refreshes) is kept
 * for as long as they stay the same.
 */
public class RepositoryPage {

    private final String id;
    private final ViewEndpoints endpoints;
    private PromotionEngine engine;
    private PromotionView view;
    private ViewApi api;
    private RepositoryAccess builtFor;
    private NetworkSettings builtWith;

    RepositoryPage(String id) {
        this.id = id;
        this.endpoints = new ViewEndpoints(this);
    }

    /** The repository's id. */
    public String getId() {
        return id;
    }

    /** The repository's URL. */
    public String getRepositoryUrl() {
        return GitOpsPromotionConfiguration.get().repository(id).map(ConfigRepository::getUrl).orElse("");
    }

    /** This page's URL relative to Jenkins' root, ending in a slash: the base of the page's {@code api/} calls. */
    public String getUrl() {
        return "gitops-promotions/repository/" + id + "/";
    }

    /** Whether the current user may promote and roll back here (some environments may still be closed to them). */
    public boolean isCanPromote() {
        return Jenkins.get().hasPermission(GitOpsPromotionsRootAction.PROMOTE);
    }

    /** The page's endpoints, under {@code api/}. */
    public ViewEndpoints getApi() {
        return endpoints;
    }

    /**
     * The repository as registered now.
     *
     * @throws AbortException if it is no longer registered
     */
    ConfigRepository registration() throws AbortException {
        return GitOpsPromotionConfiguration.get().repository(id)
                .orElseThrow(() -> new AbortException(Messages.RepositoryPage_NotRegistered(id)));
    }

    /**
     * The endpoints' answers, over the view of the repository as registered now, with its credentials as they are now.
     *
     * @throws AbortException if it is no longer registered, or the registered credentials cannot be found or used
     */
    synchronized ViewApi api() throws AbortException {
        refresh();
        return api;
    }

    /**
     * The view, its engine and the repository as registered now, with its credentials, for other pages that read
     * and promote as the view does (a build's page, a job's).
     *
     * @throws AbortException if it is no longer registered, or the registered credentials cannot be found or used
     */
    synchronized Reach reach() throws AbortException {
        refresh();
        return new Reach(engine, builtFor, view);
    }

    /**
     * How the view reaches the repository.
     *
     * @param engine on the controller's mirrors
     * @param access the repository, with the registered credentials
     * @param view the view, whose state is kept warm between requests
     */
    record Reach(PromotionEngine engine, RepositoryAccess access, PromotionView view) {

        /** A request as the view makes it: with the boundary mode of the global configuration. */
        static PromotionRequest.Builder hosted(PromotionRequest.Builder request) {
            return request.boundary(BoundaryMode.fromOptionName(GitOpsPromotionConfiguration.get().getBoundary()).orElse(BoundaryMode.ENFORCE));
        }
    }

    /** Makes the view anew when the registration, its credentials, or how Jenkins reaches Git hosts changed. */
    private void refresh() throws AbortException {
        ConfigRepository repository = registration();
        RepositoryAccess access = new RepositoryAccess(repository.getUrl(), repository.getBaseBranch(), credentials(repository),
                repository.getProvider(), repository.getApiUrl(), repository.getProject());
        NetworkSettings network = ControllerWork.network();
        if (api == null || !access.equals(builtFor) || !network.equals(builtWith)) {
            engine = ControllerWork.engine(access, network);
            builtWith = network;
            view = PromotionView.of(engine, access, Reach::hosted)
                    .withNotes(() -> GitOpsPromotionConfiguration.get().getControllerCredentials())
                    .withDeployments(Deployments.tracker(access, engine));
            api = new ViewApi(view);
            builtFor = access;
        }
    }

    /** The registered credentials, as Jenkins itself (the view belongs to no build). */
    private static AccessCredentials credentials(ConfigRepository repository) throws AbortException {
        String credentialsId = repository.getCredentialsId();
        return credentialsId == null ? AccessCredentials.none()
                : JenkinsCredentials.translate(credentialsId, JenkinsCredentials.findAsJenkins(credentialsId));
    }
}
