package io.jenkins.plugins.gitopspromotion.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wait} against a real Git server and the commit statuses Flux posts on GitHub (WireMock answering "List commit
 * statuses for a reference" as GitHub documents it): exit 0 when reached, 1 when the time runs out, 3 on a failure.
 */
class WaitCommandTest {

    private static final String TOKEN = ProviderTestSupport.TOKEN;

    @TempDir
    Path temp;

    private GitHttpServer git;
    private ProviderTestSupport github;
    private Path token;
    private RevCommit promotion;

    @BeforeEach
    void promote() throws Exception {
        git = GitHttpServer.start(temp.resolve("git"), "ci", TOKEN);
        github = ProviderTestSupport.start();
        ConfigRepositoryFixture.seed(git.createRepository("config"));
        BareRepos.commitFile(git.repository("config"), "main", ".gitops/promotion.yaml", ConfigRepositoryFixture.withDeployments(
                ConfigRepositoryFixture.CONFIG, "dev", "flux: {kustomization: apps, namespace: flux-system}"),
                "Track dev");
        token = temp.resolve("token");
        Files.writeString(token, TOKEN + "\n");
        CliRun promoted = CliRun.of("promote", "--repo", git.url("config").toString(), "--cache-dir", temp.resolve("cache").toString(),
                "--username", "ci", "--token-file", token.toString(), "--provider", "none", "--env", "dev", "--app", "web",
                "--tag", "1.5.0", "--boundary", "off");
        assertThat(promoted.exitCode()).as(promoted.err()).isZero();
        promotion = BareRepos.log(git.repository("config"), "main").get(0);
        github.wireMock().stubFor(get(urlPathEqualTo("/repos/acme/config/pulls")).willReturn(okJson("[]")));
        github.wireMock().stubFor(get(urlMatching("/repos/acme/config/commits/[0-9a-f]{40}/statuses.*")).willReturn(okJson("[]")));
    }

    @AfterEach
    void stop() throws Exception {
        github.close();
        git.close();
    }

    private void status(String state, String description) {
        github.wireMock().stubFor(get(urlEqualTo("/repos/acme/config/commits/" + promotion.name() + "/statuses?per_page=100"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)).willReturn(okJson("""
                [{"url": "https://api.github.com/repos/acme/config/statuses/%1$s", "avatar_url": "https://github.com/images/error/hubot_happy.gif",
                  "id": 1, "node_id": "MDY6U3RhdHVzMQ==", "state": "%2$s", "description": "%3$s", "target_url": null,
                  "context": "kustomization/apps/6f2a9c1e", "created_at": "2026-11-27T12:00:10Z", "updated_at": "2026-11-27T12:00:10Z",
                  "creator": {"login": "flux-bot", "id": 2, "type": "User", "site_admin": false}}]
                """.formatted(promotion.name(), state, description))));
    }

    private CliRun waitFor(String... more) {
        List<String> args = new ArrayList<>(List.of("wait", "--repo", git.url("config").toString(), "--cache-dir",
                temp.resolve("cache").toString(), "--username", "ci", "--token-file", token.toString(), "--provider", "github",
                "--api-url", github.url("").toString(), "--project", "acme/config", "--env", "dev", "--app", "web"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aHealthyStatusOnThePromotionCommitEndsTheWait() throws Exception {
        status("success", "reconciliation succeeded");
        CliRun run = waitFor("--until", "healthy", "--version", "1.5.0", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode answer = new ObjectMapper().readTree(run.out());
        assertThat(answer.get("outcome").asText()).isEqualTo("reached");
        assertThat(answer.get("state").asText()).isEqualTo("healthy");
        assertThat(answer.get("version").asText()).isEqualTo("1.5.0");
        assertThat(answer.get("revision").asText()).isEqualTo(promotion.name());
        assertThat(answer.get("source").asText()).isEqualTo("commit-status");
        assertThat(answer.get("reportedAt").asText()).isEqualTo("2026-11-27T12:00:10Z");
        assertThat(answer.has("closed")).isFalse();
        assertThat(run.err()).startsWith("healthy: kustomization/apps/6f2a9c1e success: reconciliation succeeded");
        assertThat(run.out() + run.err()).doesNotContain(TOKEN);
        github.wireMock().verify(getRequestedFor(urlPathEqualTo("/repos/acme/config/pulls")));
    }

    @Test
    void theTimeRunningOutSaysWhatWasLastSeen() {
        CliRun run = waitFor("--until", "deployed", "--timeout", "1s");
        assertThat(run.exitCode()).isEqualTo(GitOpsPromotionCli.FAILED);
        assertThat(run.err()).contains("gitops-promotion: web 1.5.0 in dev was not deployed within 1s; last seen: merged: 1.5.0 is"
                + " merged, and no report covers it; no report yet");
        CliRun merged = waitFor("--until", "merged");
        assertThat(merged.exitCode()).as(merged.err()).isZero();
        assertThat(merged.out()).isEqualTo("web 1.5.0 in dev is merged\n");
    }

    @Test
    void aDegradedDeploymentFailsTheWaitWithExitThree() {
        status("failure", "health check failed");
        CliRun run = waitFor("--until", "healthy");
        assertThat(run.exitCode()).isEqualTo(GitOpsPromotionCli.REFUSED);
        assertThat(run.err()).contains("gitops-promotion: web 1.5.0 in dev will not be healthy: degraded:"
                + " kustomization/apps/6f2a9c1e failure: health check failed");
    }

    @Test
    void aWrongGoalOrTimeoutIsAUsageError() {
        CliRun pending = waitFor("--until", "pending");
        assertThat(pending.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        assertThat(pending.err()).contains("--until: 'pending' is not merged, deployed or healthy");
        CliRun timeout = waitFor("--until", "merged", "--timeout", "soon");
        assertThat(timeout.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        assertThat(timeout.err()).contains("'soon' is neither a number of seconds nor a duration such as 30m, 2h or 90s");
    }
}
