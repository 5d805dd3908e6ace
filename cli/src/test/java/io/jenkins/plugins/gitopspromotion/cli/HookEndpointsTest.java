package io.jenkins.plugins.gitopspromotion.cli;

import static io.jenkins.plugins.gitopspromotion.testing.AgentReports.FLUX_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.deploy.DeploymentMapping;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentStore;
import io.jenkins.plugins.gitopspromotion.deploy.HookKeys;
import io.jenkins.plugins.gitopspromotion.deploy.HookReceiver;
import io.jenkins.plugins.gitopspromotion.deploy.ReportSource;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.testing.AgentReports;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import io.jenkins.plugins.gitopspromotion.view.PromotionView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s hook routes over real HTTP on loopback: what they record, what they refuse, and that the page's own
 * checks (host name, token) do not stand in the way of a signed report.
 */
class HookEndpointsTest {

    @TempDir
    Path temp;

    private LocalConfigRepository config;
    private DeploymentStore store;
    private ViewServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        config = LocalConfigRepository.create(temp);
        BareRepos.commitFile(config.repository(), "main", ".gitops/promotion.yaml", ConfigRepositoryFixture.withDeployments(
                ConfigRepositoryFixture.CONFIG, "dev", "flux: {kustomization: apps, namespace: flux-system}"),
                "Track dev");
        RepositoryLocation location = RepositoryLocation.parse(config.path().toString());
        PromotionView view = new PromotionView(TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache"), 30)), location,
                GitAuth.none(), "main", Optional.empty(), env -> PromotionRequest.builder(location, env));
        store = DeploymentStore.open(temp.resolve("reports"));
        server = ViewServer.start(view, 0, false);
        server.route(HookEndpoints.PATH, new HookEndpoints(new HookReceiver(store, location, Map.of(ReportSource.FLUX,
                HookKeys.of(List.of(FLUX_KEY.toCharArray()))), () -> new DeploymentMapping(view.config()), Clock.systemUTC())));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        store.close();
        config.close();
    }

    private HttpResponse<String> post(String path, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url().resolve(path)).header("Content-Type", "application/json")
                .header("Gotk-Component", "kustomize-controller").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String event() {
        return AgentReports.fluxEvent("flux-system", "apps", "info", "ReconciliationSucceeded", "Reconciliation finished in 1s,"
                + " next run in 10m0s", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                Map.of("revision", "main@sha1:" + "5".repeat(40), "cluster", "dev-eu"));
    }

    @Test
    void aSignedEventIsRecordedOnceWithoutThePagesToken() throws Exception {
        String body = event();
        HttpResponse<String> recorded = post("hooks/flux", body, AgentReports.signature(FLUX_KEY, body));
        assertThat(recorded.statusCode()).isEqualTo(202);
        assertThat(recorded.body()).isEqualTo("{\"status\":\"recorded\",\"cells\":[\"web in dev\",\"api in dev\",\"worker in dev\"]}");
        assertThat(recorded.headers().firstValue("Content-Type")).contains("application/json");
        HttpResponse<String> replay = post("hooks/flux", body, AgentReports.signature(FLUX_KEY, body));
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("duplicate");
        assertThat(store.reports()).hasSize(1);
    }

    @Test
    void tamperedUnsignedOversizedAndMisroutedRequestsChangeNothing() throws Exception {
        String body = event();
        String signature = AgentReports.signature(FLUX_KEY, body);
        assertThat(post("hooks/flux", body.replace("dev-eu", "dev-us"), signature).statusCode()).isEqualTo(401);
        assertThat(post("hooks/flux", body, null).statusCode()).isEqualTo(401);
        assertThat(post("hooks/flux", " ".repeat(HookReceiver.MAX_BODY + 1), signature).statusCode()).isEqualTo(413);
        assertThat(post("hooks/argocd", body, signature).statusCode()).as("no key for Argo CD").isEqualTo(404);
        HttpResponse<String> nowhere = post("hooks/jenkins", body, signature);
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).isEqualTo("{\"error\":\"no hook at /hooks/jenkins; the hooks are /hooks/flux, /hooks/argocd and"
                + " /hooks/generic\"}");
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(server.url().resolve("hooks/flux")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        assertThat(store.reports()).isEmpty();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/status")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("the page still wants its secret").isEqualTo(401);
        HttpClient entered = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        entered.send(HttpRequest.newBuilder(server.entryUrl()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(entered.send(HttpRequest.newBuilder(URI.create(server.url() + "api/status")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("and is still served to its holder").isEqualTo(200);
    }
}
