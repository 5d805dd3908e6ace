package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryMode;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import io.jenkins.plugins.gitopspromotion.view.PromotionView;
import java.io.IOException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s HTTP side over a real config repository, without a browser: what it serves, and which requests it
 * refuses (any web page the user visits can send requests to localhost).
 */
class ViewServerTest {

    private static final Pattern CRUMB = Pattern.compile("data-crumb=\"([^\"]*)\"");

    @TempDir
    Path temp;

    private LocalConfigRepository config;
    private ViewServer server;
    /** A browser: it keeps the cookie the entry address sets, and follows the redirect that takes the secret away. */
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @BeforeEach
    void start() throws Exception {
        config = LocalConfigRepository.create(temp);
        server = serve(false);
        assertThat(send(HttpRequest.newBuilder(server.entryUrl())).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        server.close();
        config.close();
    }

    private ViewServer serve(boolean readOnly) throws IOException {
        RepositoryLocation location = RepositoryLocation.parse(config.path().toString());
        PromotionView view = new PromotionView(TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache"), 30)), location,
                GitAuth.none(), "main", Optional.empty(), env -> PromotionRequest.builder(location, env).boundary(BoundaryMode.OFF));
        return ViewServer.start(view, 0, readOnly);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(HttpResponse<String> page) {
        Matcher m = CRUMB.matcher(page.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private HttpRequest.Builder post(ViewServer on, String path, String body) {
        return HttpRequest.newBuilder(on.url().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void thePageCarriesTheTokenAndThePolicyAndTheEndpointsAnswerJson() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(server.url()));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(ViewServer.CONTENT_SECURITY_POLICY);
        assertThat(ViewServer.CONTENT_SECURITY_POLICY).startsWith("default-src 'self'; frame-ancestors 'none';")
                .contains("; base-uri 'none'").contains("; form-action 'self'");
        assertThat(page.body()).contains("data-crumb-header=\"" + ViewServer.TOKEN_HEADER + "\"")
                .contains("data-read-only=\"false\"").contains("<script src=\"view.js\" defer>")
                .doesNotContain("<script>").doesNotContain("style=");
        assertThat(token(page)).hasSizeGreaterThanOrEqualTo(43);
        assertThat(token(send(HttpRequest.newBuilder(server.url())))).isEqualTo(token(page));

        HttpResponse<String> script = send(HttpRequest.newBuilder(server.url().resolve("view.js")));
        assertThat(script.headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("getElementById('gitops-promotion-view')").doesNotContain(".innerHTML").doesNotContain("new Function")
                .doesNotContain("eval(");
        HttpResponse<String> status = send(HttpRequest.newBuilder(server.url().resolve("api/status")));
        assertThat(status.body()).contains("\"environments\":[\"dev\",\"staging\",\"prod\"]");
        HttpResponse<String> history = send(HttpRequest.newBuilder(server.url().resolve("api/history?app=web&env=qa")));
        assertThat(history.statusCode()).isEqualTo(400);
        assertThat(history.body()).isEqualTo("{\"error\":\"no environment 'qa'\"}");
        assertThat(send(HttpRequest.newBuilder(server.url().resolve("api/nothing"))).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(server.url().resolve("../../etc/passwd"))).statusCode()).isEqualTo(404);
    }

    @Test
    void aPostWithTheTokenPromotesAndOneWithoutOrFromElsewhereIsRefused() throws Exception {
        String token = token(send(HttpRequest.newBuilder(server.url())));
        String body = "{\"app\": \"web\", \"env\": \"dev\"}";

        assertThat(send(post(server, "api/promote", body)).statusCode()).isEqualTo(403);
        assertThat(send(post(server, "api/promote", body).header(ViewServer.TOKEN_HEADER, token + "x")).statusCode())
                .isEqualTo(403);
        assertThat(send(post(server, "api/promote", body).header(ViewServer.TOKEN_HEADER, token)
                .header("Origin", "http://evil.example")).statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(server.url().resolve("api/promote")).header(ViewServer.TOKEN_HEADER, token)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body))).statusCode())
                .isEqualTo(415);
        assertThat(send(HttpRequest.newBuilder(server.url().resolve("api/promote"))).statusCode()).isEqualTo(405);
        assertThat(BareRepos.log(config.repository(), "main")).hasSize(1);

        HttpResponse<String> rollback = send(post(server, "api/rollback", "{\"app\": \"web\", \"env\": \"dev\"}")
                .header(ViewServer.TOKEN_HEADER, token).header("Origin", server.url().toString().replaceAll("/$", "")));
        assertThat(rollback.statusCode()).isEqualTo(409);
        assertThat(rollback.body()).isEqualTo("{\"error\":\"web has no earlier version in dev to roll back to\"}");
        HttpResponse<String> promoted = send(post(server, "api/promote", body).header(ViewServer.TOKEN_HEADER, token));
        assertThat(promoted.statusCode()).isEqualTo(200);
        assertThat(promoted.body()).contains("\"status\":\"unchanged\"").contains("\"env\":\"staging\"");

        assertThat(send(post(server, "api/release", body)).statusCode()).as("a release needs the token too").isEqualTo(403);
        HttpResponse<String> release = send(post(server, "api/release", body).header(ViewServer.TOKEN_HEADER, token));
        assertThat(release.statusCode()).isEqualTo(200);
        assertThat(release.body()).contains("\"status\":\"unchanged\"").contains("\"reason\":\"web is not held in dev\"");
    }

    @Test
    void anotherHostNameIsRefusedEvenOnLoopback() throws Exception {
        // DNS rebinding: a page of attacker.example whose name now resolves to 127.0.0.1. java.net.http will not
        // send a forged Host header, so a raw socket does.
        try (Socket socket = new Socket(server.url().getHost(), server.url().getPort())) {
            socket.getOutputStream().write(("GET /api/status HTTP/1.1\r\nHost: attacker.example:" + server.url().getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 403").doesNotContain("\"apps\"");
        }
        URI localhost = URI.create("http://localhost:" + server.url().getPort() + "/");
        assertThat(send(HttpRequest.newBuilder(localhost.resolve("/?" + server.entryUrl().getRawQuery()))).statusCode())
                .as("entered by the name localhost (its own cookie)").isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(localhost.resolve("api/status"))).statusCode()).isEqualTo(200);
    }

    @Test
    void readOnlyLeavesTheTokenOutAndRefusesEveryPost() throws Exception {
        try (ViewServer readOnly = serve(true)) {
            HttpResponse<String> page = send(HttpRequest.newBuilder(readOnly.entryUrl()));
            assertThat(page.body()).contains("data-read-only=\"true\"");
            assertThat(token(page)).isEmpty();
            HttpResponse<String> post = send(post(readOnly, "api/rollback", "{\"app\": \"web\", \"env\": \"dev\"}"));
            assertThat(post.statusCode()).isEqualTo(403);
            assertThat(post.body()).contains("read-only");
        }
    }

    @Test
    void withoutTheSecretItPrintedNothingIsAnsweredNotEvenThePage() throws Exception {
        // Another local process (any user on the machine): no cookie, and no token but a guessed one.
        HttpClient stranger = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        for (String path : List.of("", "index.html", "view.js", "view.css", "api/status", "api/history?app=web&env=dev")) {
            HttpResponse<String> answer = stranger.send(HttpRequest.newBuilder(server.url().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.body()).as(path).contains("open the address serve printed").doesNotContain("data-crumb")
                    .doesNotContain("\"apps\"");
        }
        HttpResponse<String> guessed = stranger.send(HttpRequest.newBuilder(server.url().resolve("/?token=guess")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(guessed.statusCode()).isEqualTo(401);
        assertThat(guessed.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<String> post = stranger.send(post(server, "api/promote", "{\"app\": \"web\", \"env\": \"dev\"}")
                .header(ViewServer.TOKEN_HEADER, "guess").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(BareRepos.log(config.repository(), "main")).hasSize(1);
    }

    @Test
    void theSecretIsTradedForAPrivateCookieAndTakenOutOfTheAddress() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> entered = browser.send(HttpRequest.newBuilder(server.entryUrl()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(entered.statusCode()).isEqualTo(303);
        assertThat(entered.headers().firstValue("Location")).contains("/");
        assertThat(entered.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("gitops-promotion-" + server.url().getPort() + "=").contains("; HttpOnly").contains("; SameSite=Strict")
                .contains("; Path=/"));
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(server.url()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-crumb=\"");
    }

    @Test
    void aStalledClientNeitherFreezesTheServerNorHoldsItsWorkerForEver() throws Exception {
        try (Socket headers = new Socket(server.url().getHost(), server.url().getPort());
                Socket body = new Socket(server.url().getHost(), server.url().getPort())) {
            headers.getOutputStream().write("GET /api/status HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
            // Let in, so that the server gets as far as reading the body.
            String cookie = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().get(0).toString();
            String token = token(send(HttpRequest.newBuilder(server.url())));
            body.getOutputStream().write(("POST /api/promote HTTP/1.1\r\nHost: 127.0.0.1:" + server.url().getPort()
                    + "\r\nCookie: " + cookie + "\r\n" + ViewServer.TOKEN_HEADER + ": " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"app\"").getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();

            HttpResponse<String> status = send(HttpRequest.newBuilder(server.url().resolve("api/status")).timeout(Duration.ofSeconds(5)));

            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered while two clients stall").isLessThan(Duration.ofSeconds(5));
            headers.setSoTimeout((ViewServer.REQUEST_SECONDS + 5) * 1000);
            body.setSoTimeout((ViewServer.REQUEST_SECONDS + 5) * 1000);
            assertThat(headers.getInputStream().read()).as("closed by the server").isEqualTo(-1);
            assertThat(body.getInputStream().read()).as("closed by the server").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(ViewServer.REQUEST_SECONDS + 5));
        }
    }
}
