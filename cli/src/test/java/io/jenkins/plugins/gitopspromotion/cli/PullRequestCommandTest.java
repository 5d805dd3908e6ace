package io.jenkins.plugins.gitopspromotion.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** promote in pull-request mode opens the pull request through the provider's API, and the token never shows. */
class PullRequestCommandTest {

    private static final String TOKEN = ProviderTestSupport.TOKEN;

    @TempDir
    Path temp;

    @Test
    void promoteOpensThePullRequestAndReportsIt() throws Exception {
        try (GitHttpServer git = GitHttpServer.start(temp.resolve("git"), "ci", TOKEN);
                ProviderTestSupport api = ProviderTestSupport.start()) {
            ConfigRepositoryFixture.seed(git.createRepository("config"));
            BareRepos.commitFile(git.repository("config"), "main", "apps/web/dev/kustomization.yaml",
                    "images:\n- name: ghcr.io/acme/web\n  newTag: 1.1.0\n", "dev has 1.1.0");
            api.wireMock().stubFor(get(urlPathEqualTo("/repos/acme/config/pulls"))
                    .withHeader("Authorization", equalTo("Bearer " + TOKEN)).willReturn(okJson("[]")));
            api.wireMock().stubFor(post(urlEqualTo("/repos/acme/config/pulls")).willReturn(aResponse().withStatus(201)
                    .withHeader("Content-Type", "application/json").withBody("{\"number\": 5, \"node_id\": \"PR_5\","
                            + " \"html_url\": \"https://github.com/acme/config/pull/5\"}")));
            Path token = temp.resolve("token");
            Files.writeString(token, TOKEN + "\n");

            CliRun run = CliRun.of("promote", "--repo", git.url("config").toString(), "--cache-dir", temp.resolve("cache").toString(),
                    "--username", "ci", "--token-file", token.toString(), "--provider", "github", "--api-url", api.url("").toString(),
                    "--project", "acme/config", "--env", "staging", "--app", "web", "--from", "dev", "--json", "--boundary", "off");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode result = new ObjectMapper().readTree(run.out());
            assertThat(result.get("branch").asText()).isEqualTo("gitops-promotion/staging/web");
            assertThat(result.get("pullRequest").get("url").asText()).isEqualTo("https://github.com/acme/config/pull/5");
            assertThat(result.get("pullRequest").get("number").asLong()).isEqualTo(5);
            assertThat(run.out() + run.err()).doesNotContain(TOKEN);
            api.wireMock().verify(1, postRequestedFor(urlEqualTo("/repos/acme/config/pulls")));
        }
    }

    @Test
    void aProviderFailureAfterThePushSaysTheBranchStaysAndNeverShowsTheToken() throws Exception {
        try (GitHttpServer git = GitHttpServer.start(temp.resolve("git"), "ci", TOKEN);
                ProviderTestSupport api = ProviderTestSupport.start()) {
            ConfigRepositoryFixture.seed(git.createRepository("config"));
            BareRepos.commitFile(git.repository("config"), "main", "apps/web/dev/kustomization.yaml",
                    "images:\n- name: ghcr.io/acme/web\n  newTag: 1.1.0\n", "dev has 1.1.0");
            api.wireMock().stubFor(get(urlPathEqualTo("/repos/acme/config/pulls")).willReturn(aResponse().withStatus(401)
                    .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Bad credentials\"}")));
            Path token = temp.resolve("token");
            Files.writeString(token, TOKEN);

            CliRun run = CliRun.of("promote", "--repo", git.url("config").toString(), "--cache-dir", temp.resolve("cache").toString(),
                    "--username", "ci", "--token-file", token.toString(), "--provider", "github", "--api-url", api.url("").toString(),
                    "--project", "acme/config", "--env", "staging", "--app", "web", "--tag", "1.1.0", "--mode", "pull-request",
                    "--boundary", "off");

            assertThat(run.exitCode()).isEqualTo(GitOpsPromotionCli.FAILED);
            assertThat(run.err()).contains("gitops-promotion/staging/web").contains("401")
                    .contains("the branch stays, and the next promotion of web to staging completes the pull request")
                    .doesNotContain(TOKEN);
            assertThat(BareRepos.head(git.repository("config"), "gitops-promotion/staging/web")).as("the branch stays").isNotNull();
        }
    }

    @Test
    void whereAutoFindsNoProviderTheJsonResultSaysSo() throws Exception {
        try (GitHttpServer git = GitHttpServer.start(temp.resolve("git"), "ci", TOKEN)) {
            ConfigRepositoryFixture.seed(git.createRepository("config"));
            BareRepos.commitFile(git.repository("config"), "main", "apps/web/dev/kustomization.yaml",
                    "images:\n- name: ghcr.io/acme/web\n  newTag: 1.1.0\n", "dev has 1.1.0");
            Path token = temp.resolve("token");
            Files.writeString(token, TOKEN);

            // A Git host on loopback is no provider auto knows: the branch is pushed, and the result says why no pull request.
            CliRun run = CliRun.of("promote", "--repo", git.url("config").toString(), "--cache-dir", temp.resolve("cache").toString(),
                    "--username", "ci", "--token-file", token.toString(), "--env", "staging", "--app", "web", "--from", "dev",
                    "--json", "--boundary", "off");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode result = new ObjectMapper().readTree(run.out());
            assertThat(result.get("status").asText()).isEqualTo("promoted");
            assertThat(result.get("branch").asText()).isEqualTo("gitops-promotion/staging/web");
            assertThat(result.get("pullRequest").isNull()).isTrue();
            assertThat(result.get("warnings").get(0).asText()).startsWith("no pull request was opened: the provider is auto, and "
                    + git.url("config") + " is on no host it recognises");
            assertThat(run.err()).contains("warning: no pull request was opened");
            assertThat(run.out() + run.err()).doesNotContain(TOKEN);
        }
    }

    @Test
    void anExplicitProviderNeedsAToken() {
        CliRun run = CliRun.of("promote", "--repo", temp.toString(), "--provider", "gitlab", "--env", "dev", "--app", "web",
                "--tag", "1");
        assertThat(run.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        assertThat(run.err()).contains("--provider: the provider gitlab needs an API token: give --token-env or --token-file");
    }
}
