package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryMode;
import io.jenkins.plugins.gitopspromotion.promotion.AccessCredentials;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import io.jenkins.plugins.gitopspromotion.view.PromotionView;
import io.jenkins.plugins.gitopspromotion.view.ViewApi;
import java.nio.file.Path;
import java.util.Objects;
import jenkins.model.Jenkins;

/**
 * The promotion view of one registered config repository. Unlike build steps, the view runs on the controller: it
 * belongs to no build and no agent. Its mirror lives under {@code JENKINS_HOME/caches/gitops-promotion}.
 */
public class RepositoryPage {

    private final ConfigRepository repository;
    private final ViewEndpoints endpoints;
    private ViewApi api;

    RepositoryPage(ConfigRepository repository) {
        this.repository = repository;
        this.endpoints = new ViewEndpoints(this);
    }

    /** Whether this page shows {@code other} as registered now (same URL, branch, credentials and provider). */
    boolean isFor(ConfigRepository other) {
        return Objects.equals(repository.getUrl(), other.getUrl()) && Objects.equals(repository.getBaseBranch(), other.getBaseBranch())
                && Objects.equals(repository.getCredentialsId(), other.getCredentialsId())
                && Objects.equals(repository.getProvider(), other.getProvider()) && Objects.equals(repository.getApiUrl(), other.getApiUrl())
                && Objects.equals(repository.getProject(), other.getProject());
    }

    /** The repository's id. */
    public String getId() {
        return repository.getId();
    }

    /** The repository's URL. */
    public String getRepositoryUrl() {
        return repository.getUrl();
    }

    /** This page's URL relative to Jenkins' root, ending in a slash: the base of the page's {@code api/} calls. */
    public String getUrl() {
        return "gitops-promotions/repository/" + repository.getId() + "/";
    }

    /** Whether the current user may promote and roll back here. */
    public boolean isCanPromote() {
        return Jenkins.get().hasPermission(GitOpsPromotionsRootAction.PROMOTE);
    }

    /** The page's endpoints, under {@code api/}. */
    public ViewEndpoints getApi() {
        return endpoints;
    }

    /**
     * The endpoints' answers, over a view made on first use.
     *
     * @throws AbortException if the registered credentials cannot be found or used
     */
    synchronized ViewApi api() throws AbortException {
        if (api == null) {
            GitOpsPromotionConfiguration config = GitOpsPromotionConfiguration.get();
            RepositoryAccess access = new RepositoryAccess(repository.getUrl(), repository.getBaseBranch(), credentials(),
                    repository.getProvider(), repository.getApiUrl(), repository.getProject());
            MirrorCache cache = new MirrorCache(Path.of(Jenkins.get().getRootDir().getPath(), "caches", "gitops-promotion"), 60);
            BoundaryMode boundary = BoundaryMode.fromOptionName(config.getBoundary()).orElse(BoundaryMode.ENFORCE);
            api = new ViewApi(PromotionView.of(new PromotionEngine(cache), access, request -> request.boundary(boundary)));
        }
        return api;
    }

    /** The registered credentials, as Jenkins itself (the view belongs to no build). */
    private AccessCredentials credentials() throws AbortException {
        String id = repository.getCredentialsId();
        if (id == null) {
            return AccessCredentials.none();
        }
        return JenkinsCredentials.translate(id, JenkinsCredentials.findAsJenkins(id));
    }
}
