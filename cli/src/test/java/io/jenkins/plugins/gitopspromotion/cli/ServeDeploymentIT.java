package io.jenkins.plugins.gitopspromotion.cli;

import static io.jenkins.plugins.gitopspromotion.testing.AgentReports.ARGOCD_TOKEN;
import static io.jenkins.plugins.gitopspromotion.testing.AgentReports.FLUX_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitopspromotion.testing.AgentReports;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the packaged {@code serve}, its keys in environment variables as users give them: a promotion, a
 * Flux event and an Argo CD notification posted to its hooks, the view's {@code api/status} saying healthy, {@code status
 * --json} reading what {@code serve} kept, and a restart keeping it.
 */
class ServeDeploymentIT {

    private static final Path JAR = Path.of(System.getProperty("gitops.promotion.jar", "target/gitops-promotion.jar"));
    private static final String GIT_PASSWORD = "git-password-for-serve";
    private static final Pattern URL = Pattern.compile("is at ((http://127\\.0\\.0\\.1:\\d+/)\\?token=[^; ]+)");

    private static final String CONFIG = ConfigRepositoryFixture.withDeployments(ConfigRepositoryFixture.withDeployments(
            ConfigRepositoryFixture.CONFIG, "dev", "flux: {kustomization: apps, namespace: flux-system}"), "prod",
            "argocd: {application: \"{app}-prod\"}");

    @TempDir
    Path temp;

    private final List<Process> processes = new ArrayList<>();
    /** Keeps the cookie the printed address sets: the view's pages want it, the hooks do not. */
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @AfterEach
    void stop() throws Exception {
        for (Process process : processes) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A running {@code serve} and what it printed. */
    private record Serve(Process process, URI url, List<String> output) {
    }

    private Serve serve(GitHttpServer git) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "serve", "--repo", git.url("config").toString(), "--username", "ci", "--token-env", "GIT_TOKEN", "--provider", "none",
                "--cache-dir", temp.resolve("cache").toString(), "--port", "0", "--hook-secret-env", "FLUX_HOOK_KEY",
                "--argocd-hook-token-env", "ARGOCD_HOOK_TOKEN");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GIT_TOKEN", GIT_PASSWORD);
        builder.environment().put("FLUX_HOOK_KEY", FLUX_KEY);
        builder.environment().put("ARGOCD_HOOK_TOKEN", ARGOCD_TOKEN);
        Process process = builder.start();
        processes.add(process);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        URI url = null;
        URI entry = null;
        for (String line = lines.poll(60, TimeUnit.SECONDS); line != null; line = lines.poll(10, TimeUnit.SECONDS)) {
            output.add(line);
            Matcher m = URL.matcher(line);
            if (m.find()) {
                url = URI.create(m.group(2));
                entry = URI.create(m.group(1));
            }
            if (line.startsWith("Deployment hooks: ")) {
                break;
            }
        }
        assertThat(url).as(String.join("\n", output)).isNotNull();
        assertThat(http.send(HttpRequest.newBuilder(entry).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        return new Serve(process, url, output);
    }

    private HttpResponse<String> post(URI url, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode cell(URI base, String app, String env) throws Exception {
        JsonNode state = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(base.resolve("api/status")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode row : state.get("apps")) {
            for (JsonNode cell : row.get("cells")) {
                if (cell.get("app").asText().equals(app) && cell.get("env").asText().equals(env)) {
                    return cell;
                }
            }
        }
        throw new AssertionError("no cell " + app + " in " + env);
    }

    @Test
    void promoteReportAndTheViewSaysHealthyAcrossARestart() throws Exception {
        assertThat(JAR).as("the shaded jar; build with mvn package").exists();
        try (GitHttpServer git = GitHttpServer.start(temp.resolve("git"), "ci", GIT_PASSWORD)) {
            ConfigRepositoryFixture.seed(git.createRepository("config"));
            BareRepos.commitFile(git.repository("config"), "main", ".gitops/promotion.yaml", CONFIG, "Track deployments");
            Serve serve = serve(git);
            assertThat(serve.output()).last().asString().startsWith("Deployment hooks: " + serve.url() + "hooks/flux, " + serve.url()
                    + "hooks/argocd, " + serve.url() + "hooks/generic; reports kept in "
                    + temp.resolve("cache").resolve("deployments").resolve(""));

            Path token = temp.resolve("git-token");
            Files.writeString(token, GIT_PASSWORD);
            CliRun promoted = CliRun.of("promote", "--repo", git.url("config").toString(), "--cache-dir", temp.resolve("other").toString(),
                    "--username", "ci", "--token-file", token.toString(), "--provider", "none", "--env", "dev", "--app", "web",
                    "--tag", "1.5.0", "--source-time", Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS).toString(),
                    "--boundary", "off");
            assertThat(promoted.exitCode()).as(promoted.err()).isZero();
            RevCommit promotion = BareRepos.log(git.repository("config"), "main").get(0);
            assertThat(promotion.getFooterLines("Source-Time")).hasSize(1);
            assertThat(cell(serve.url(), "web", "dev").get("deployment").get("state").asText()).isEqualTo("merged");

            String event = AgentReports.fluxEvent("flux-system", "apps", "info", "ReconciliationSucceeded",
                    "Reconciliation finished in 3.1s, next run in 10m0s", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                    Map.of("revision", "main@sha1:" + promotion.name(), "commit_status", "update", "cluster", "dev-eu"));
            HttpResponse<String> recorded = post(serve.url().resolve("hooks/flux"), Map.of("X-Signature",
                    AgentReports.signature(FLUX_KEY, event), "Gotk-Component", "kustomize-controller"), event);
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(202);
            assertThat(post(serve.url().resolve("hooks/flux"), Map.of("X-Signature", AgentReports.signature("wrong", event)), event)
                    .statusCode()).isEqualTo(401);
            String argo = AgentReports.argoNotification("web-prod", "Synced", promotion.name(), "Succeeded", "Healthy",
                    List.of("ghcr.io/acme/web:1.0.0"), Instant.now().truncatedTo(ChronoUnit.SECONDS));
            assertThat(post(serve.url().resolve("hooks/argocd"), Map.of("Authorization", "Bearer " + ARGOCD_TOKEN), argo).statusCode())
                    .isEqualTo(202);

            JsonNode web = cell(serve.url(), "web", "dev").get("deployment");
            assertThat(web.get("state").asText()).isEqualTo("healthy");
            assertThat(web.get("revision").asText()).isEqualTo(promotion.name());
            assertThat(web.get("cluster").asText()).isEqualTo("dev-eu");
            assertThat(web.get("clusters")).hasSize(1);
            assertThat(cell(serve.url(), "web", "prod").get("deployment").get("state").asText()).as("prod runs 1.0.0, as Git says")
                    .isEqualTo("healthy");
            assertThat(cell(serve.url(), "web", "staging").get("deployment").isNull()).isTrue();

            CliRun status = CliRun.of("status", "--repo", git.url("config").toString(), "--cache-dir", temp.resolve("cache").toString(),
                    "--username", "ci", "--token-file", token.toString(), "--provider", "none", "--json");
            assertThat(status.exitCode()).as(status.err()).isZero();
            JsonNode report = new ObjectMapper().readTree(status.out());
            assertThat(report.get("cells").get(0).get("deployment").get("state").asText()).isEqualTo("healthy");
            JsonNode figures = report.get("metrics").get(0);
            assertThat(figures.get("env").asText() + "/" + figures.get("app").asText()).isEqualTo("dev/web");
            assertThat(figures.get("deployments").asInt()).isEqualTo(1);
            assertThat(figures.get("leadTimeSeconds").asLong()).as("from Source-Time to the healthy report").isBetween(590L, 700L);

            serve.process().destroy();
            assertThat(serve.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            Serve again = serve(git);
            assertThat(cell(again.url(), "web", "dev").get("deployment").get("state").asText()).as("after a restart").isEqualTo("healthy");
            assertThat(post(again.url().resolve("hooks/flux"), Map.of("X-Signature", AgentReports.signature(FLUX_KEY, event)), event)
                    .body()).as("a replay after a restart").contains("duplicate");
            assertThat(String.join("\n", serve.output()) + String.join("\n", again.output())).doesNotContain(FLUX_KEY)
                    .doesNotContain(ARGOCD_TOKEN).doesNotContain(GIT_PASSWORD);
        }
    }
}
