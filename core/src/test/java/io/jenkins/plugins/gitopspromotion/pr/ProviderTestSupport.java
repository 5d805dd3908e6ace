package io.jenkins.plugins.gitopspromotion.pr;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every provider's tests share: a WireMock server standing in for the provider's REST API, a token to
 * look for in every message, recorded waits instead of sleeps, a fixed clock, and an end-to-end run of two
 * promotions through the engine against a real Git server.
 */
public final class ProviderTestSupport implements AutoCloseable {

    /** A token that must never appear in any message. */
    public static final String TOKEN = "tok_SECRET_0123456789abcdefABCDEF";

    /** The time every test runs at, for rate-limit reset headers. */
    public static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    /** How long a request waits for an answer in these tests. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private final WireMockServer wireMock;
    private final List<Duration> waits = new ArrayList<>();

    private ProviderTestSupport(WireMockServer wireMock) {
        this.wireMock = wireMock;
    }

    /** Starts WireMock on a free port. */
    public static ProviderTestSupport start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return new ProviderTestSupport(server);
    }

    /** The WireMock server, to stub and verify. */
    public WireMockServer wireMock() {
        return wireMock;
    }

    /** The base URL plus a path, e.g. {@code /api/v4}. */
    public URI url(String path) {
        return URI.create(wireMock.baseUrl() + path);
    }

    /**
     * The WireMock server's base URL under another host name ({@code localhost} for {@code 127.0.0.1}, or the other
     * way round): another address as far as the token is concerned.
     */
    public String otherHostUrl() {
        String base = wireMock.baseUrl();
        return base.contains("localhost") ? base.replace("localhost", "127.0.0.1") : base.replace("127.0.0.1", "localhost");
    }

    /** The waits the client asked for, in order. */
    public List<Duration> waits() {
        return waits;
    }

    /**
     * A retry policy that records waits instead of sleeping: 5 tries, 2 minutes at most, and a few seconds for
     * each answer (so that a lost answer is noticed quickly).
     */
    public RetryPolicy retry() {
        return new RetryPolicy(5, Duration.ofMinutes(2), REQUEST_TIMEOUT, waits::add);
    }

    /**
     * An engine whose pull-request providers use {@link #retry()} and the fixed clock, on a mirror cache in
     * {@code cache}.
     */
    public PromotionEngine engine(Path cache) {
        return new PromotionEngine(new MirrorCache(cache, 30), YamlLimits.DEFAULT, 10,
                settings -> Providers.create(settings, retry(), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                        Clock.fixed(NOW, ZoneOffset.UTC)), List::of);
    }

    /** Settings for a provider at a path of the WireMock server. */
    public ProviderSettings settings(ProviderKind kind, String apiPath, String project) {
        return new ProviderSettings(kind, url(apiPath), project, ApiToken.of(TOKEN.toCharArray()));
    }

    /** The provider for those settings, with recorded waits and the fixed clock. */
    public PullRequestProvider provider(ProviderKind kind, String apiPath, String project) {
        return Providers.create(settings(kind, apiPath, project), retry(), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .build(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /**
     * Stubs the provider's list of open pull requests to answer {@code none} until the pull request is created
     * ({@code create}, answered with {@code created}), and {@code one} from then on.
     *
     * @param list the list's request, made anew for each stub
     */
    public void stubOpenOnceCreated(Supplier<MappingBuilder> list, String none, MappingBuilder create,
            ResponseDefinitionBuilder created, String one) {
        wireMock.stubFor(list.get().inScenario("created").whenScenarioStateIs(Scenario.STARTED).willReturn(WireMock.okJson(none)));
        wireMock.stubFor(create.inScenario("created").willSetStateTo("open").willReturn(created));
        wireMock.stubFor(list.get().inScenario("created").whenScenarioStateIs("open").willReturn(WireMock.okJson(one)));
    }

    /** Asserts that no part of a failure's message, or its causes', contains the token. */
    public static void assertTokenNeverShown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
            assertThat(t.toString()).doesNotContain(TOKEN);
        }
    }

    /**
     * Two promotions of web into staging (mode pull-request) through the engine, against a real Git server on
     * loopback and the provider's API on WireMock: dev gets 1.1.0 then 1.2.0, and staging is promoted from dev
     * after each.
     *
     * @return the two staging results
     */
    public List<PromotionResult> promoteTwice(Path temp, ProviderKind kind, String apiPath, String project) throws Exception {
        try (GitHttpServer git = GitHttpServer.start(temp.resolve("git"), "ci", "git-password")) {
            ConfigRepositoryFixture.seed(git.createRepository("config"));
            RepositoryLocation location = RepositoryLocation.parse(git.url("config").toString());
            PromotionEngine engine = engine(temp.resolve("cache"));
            List<PromotionResult> results = new ArrayList<>();
            for (String tag : List.of("1.1.0", "1.2.0")) {
                engine.promote(request(location, "dev").version(new VersionSource.Given(Optional.of(tag), Optional.empty())).build());
                results.add(engine.promote(request(location, "staging").version(new VersionSource.FromEnvironment("dev"))
                        .pullRequests(settings(kind, apiPath, project)).buildUrl("https://ci.example.com/job/web/" + tag + "/")
                        .build()));
            }
            return results;
        }
    }

    /** A request to promote web into {@code env} of the config repository at {@code location}. */
    public static PromotionRequest.Builder request(RepositoryLocation location, String env) {
        return PromotionRequest.builder(location, env).app("web").auth(GitAuth.password("ci", "git-password".toCharArray()));
    }

    @Override
    public void close() {
        wireMock.stop();
    }
}
