package io.jenkins.plugins.gitopspromotion.pr;

import io.jenkins.plugins.gitopspromotion.net.ProxiedHttpClient;
import io.jenkins.plugins.gitopspromotion.net.ProxySettings;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Makes the {@link PullRequestProvider} for a provider's settings. */
public final class Providers {

    /**
     * One client for all providers: HTTP/1.1 everywhere, since some self-hosted servers mishandle HTTP/2 upgrades.
     * It follows no redirect: it would send the Authorization header to whatever host a redirect names, so
     * {@link ApiClient} follows those on the API's own address itself.
     */
    private static final HttpClient HTTP = builder().build();

    /** The client through the last proxy asked for: one is enough, and a client holds threads and connections. */
    private static volatile ProxiedClient proxied;

    private record ProxiedClient(ProxySettings proxy, HttpClient http) {
    }

    private Providers() {
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    /** The provider for these settings, waiting out rate limits as {@code retry} allows. */
    public static PullRequestProvider create(ProviderSettings settings, RetryPolicy retry) {
        return create(settings, retry, HTTP, Clock.systemUTC());
    }

    /**
     * The provider for these settings, reaching the API through {@code proxy}.
     *
     * @param proxy the HTTP proxy; empty for the Java runtime's own settings
     */
    public static PullRequestProvider create(ProviderSettings settings, RetryPolicy retry, Optional<ProxySettings> proxy) {
        return create(settings, retry, proxy.map(Providers::through).orElse(HTTP), Clock.systemUTC());
    }

    private static HttpClient through(ProxySettings proxy) {
        ProxiedClient last = proxied;
        if (last == null || !last.proxy().equals(proxy)) {
            last = new ProxiedClient(proxy, ProxiedHttpClient.of(builder(), proxy));
            proxied = last;
        }
        return last.http();
    }

    /** The provider for these settings, with the given HTTP client and clock (for tests). */
    public static PullRequestProvider create(ProviderSettings settings, RetryPolicy retry, HttpClient http, Clock clock) {
        return switch (settings.kind()) {
            case GITHUB -> new GitHubProvider(settings, retry, http, clock);
            case GITLAB -> new GitLabProvider(settings, retry, http, clock);
            case BITBUCKET -> new BitbucketCloudProvider(settings, retry, http, clock);
            case BITBUCKET_SERVER -> new BitbucketServerProvider(settings, retry, http, clock);
            case GITEA -> new GiteaProvider(settings, retry, http, clock);
            case AZURE_DEVOPS -> new AzureDevOpsProvider(settings, retry, http, clock);
        };
    }
}
