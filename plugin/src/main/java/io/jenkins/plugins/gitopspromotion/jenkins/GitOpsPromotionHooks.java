package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.Extension;
import hudson.model.UnprotectedRootAction;

/**
 * Where GitOps agents and Git hosts report to Jenkins, without a Jenkins login: {@code gitops-promotion-hooks/ID/flux},
 * {@code …/argocd}, {@code …/generic} for deployment reports about the registered repository {@code ID}, and
 * {@code …/git} for its Git host's pull-request events. Reachable by anyone, so every request authenticates itself
 * with the repository's hook key (HMAC of the body, or a bearer token) before anything is read from it; Jenkins' crumb
 * is not asked for ({@link HooksCrumbExclusion}), as no agent or host can have one.
 */
@Extension
public class GitOpsPromotionHooks implements UnprotectedRootAction {

    /** The URL name, under Jenkins' root. */
    static final String URL_NAME = "gitops-promotion-hooks";

    /**
     * The hooks of a registered repository.
     *
     * @return null (404) for an id that is not registered
     */
    public HookEndpoints getDynamic(String id) {
        return GitOpsPromotionConfiguration.get().repository(id).map(r -> new HookEndpoints(id)).orElse(null);
    }

    /** No entry in the side panel. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.GitOpsPromotionHooks_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }
}
