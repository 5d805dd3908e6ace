package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.pr.ApiToken;
import io.jenkins.plugins.gitopspromotion.pr.ProviderDetection;
import io.jenkins.plugins.gitopspromotion.pr.ProviderSettings;
import java.io.Serializable;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a config repository and its pull requests: where it is, its base branch, the credentials, and the
 * provider (detected from the URL unless named). Serializable, so that a front end can resolve it where the
 * configuration lives and hand it to the machine doing the work.
 *
 * @param url the repository: an https, ssh, git or file URL, or a local path
 * @param base the branch the desired state lives on
 * @param credentials the credentials
 * @param provider {@code auto}, {@code none}, or a provider's option name
 * @param apiUrl the provider's API base URL, or {@code null} for the one the URL implies
 * @param project the repository's name at the provider, or {@code null} for the one the URL implies
 */
public record RepositoryAccess(String url, String base, AccessCredentials credentials, String provider, String apiUrl,
        String project) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Fills the defaults: base {@code main}, no credentials, provider {@code auto}; blank means absent. */
    public RepositoryAccess {
        Objects.requireNonNull(url, "url");
        base = PromotionOrder.blankToNull(base) == null ? "main" : base;
        credentials = credentials == null ? AccessCredentials.none() : credentials;
        provider = PromotionOrder.blankToNull(provider) == null ? ProviderDetection.AUTO : provider;
        apiUrl = PromotionOrder.blankToNull(apiUrl);
        project = PromotionOrder.blankToNull(project);
    }

    /** A repository on its {@code main} branch, without credentials, its provider detected. */
    public static RepositoryAccess of(String url) {
        return new RepositoryAccess(url, null, null, null, null, null);
    }

    /**
     * The repository's location.
     *
     * @throws IllegalArgumentException if the URL is not one
     */
    public RepositoryLocation location() {
        return RepositoryLocation.parse(url);
    }

    /**
     * A request into {@code environment} of this repository: location, credentials, base branch and pull-request
     * settings set; the app, the version and the rest are the caller's.
     *
     * @throws IllegalArgumentException if the URL is not one, or the provider settings are wrong
     */
    public PromotionRequest.Builder request(String environment) {
        return PromotionRequest.builder(location(), environment)
                .auth(credentials.gitAuth())
                .base(base)
                .pullRequests(pullRequests().orElse(null))
                .noPullRequests(noPullRequests().orElse(null));
    }

    /**
     * Where to open pull requests: none without an API token when the provider is {@code auto} or {@code none}.
     *
     * @throws IllegalArgumentException if a named provider has no token, or is unknown, or the URL tells too little
     */
    public Optional<ProviderSettings> pullRequests() {
        Optional<ApiToken> token = credentials.apiToken();
        if (token.isEmpty()) {
            if (!provider.equals(ProviderDetection.AUTO) && !provider.equals(ProviderDetection.NONE)) {
                throw new IllegalArgumentException("the provider " + provider + " needs an API token");
            }
            return Optional.empty();
        }
        return ProviderDetection.detect(location(), provider, Optional.ofNullable(apiUrl).map(URI::create),
                Optional.ofNullable(project), token.get());
    }

    /**
     * Why {@code auto} opens no pull requests here, for a warning where an environment wants them: no API token,
     * or a repository on no host it recognises. Empty for a named provider (set up, or refused by
     * {@link #pullRequests()}) and for {@code none}, which asks for none.
     *
     * @throws IllegalArgumentException if the URL is not one
     */
    public Optional<String> noPullRequests() {
        if (!provider.equals(ProviderDetection.AUTO)) {
            return Optional.empty();
        }
        if (credentials.apiToken().isEmpty()) {
            return Optional.of("no pull request was opened: the provider is auto and there is no API token to open one with;"
                    + " give a token, or set the provider to none to push branches only");
        }
        return pullRequests().isPresent() ? Optional.empty() : Optional.of(ProviderDetection.unrecognised(location()));
    }
}
