package io.jenkins.plugins.gitopspromotion.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jenkins.plugins.gitopspromotion.pr.PromotionLife;
import io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * promote in pull-request mode opens the pull request through the provider's API, prune and status close the ones that became
 * moot, and the token never shows.
 */
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

    @Test
    void pruneClosesThePullRequestOfAVersionThatLandedByHandAndStatusDeletesAMootBranch() throws Exception {
        try (GitHttpServer git = GitHttpServer.start(temp.resolve("git"), "ci", TOKEN);
                ProviderTestSupport api = ProviderTestSupport.start()) {
            Repository config = git.createRepository("config");
            ConfigRepositoryFixture.seed(config);
            String web = "# web in %s\nresources:\n- ../base\nimages:\n- name: ghcr.io/acme/web\n  newTag: \"1.1.0\"   # keep\n";
            BareRepos.commitFile(config, "main", "apps/web/dev/kustomization.yaml", web.formatted("dev"), "dev has 1.1.0");
            String pr5 = "{\"number\": 5, \"node_id\": \"PR_5\", \"state\": \"open\", \"html_url\": \"https://github.com/acme/config/pull/5\","
                    + " \"body\": \"" + PromotionLife.OUR_DESCRIPTION + "\","
                    + " \"head\": {\"ref\": \"gitops-promotion/staging/web\"}, \"base\": {\"ref\": \"main\"}}";
            api.wireMock().stubFor(get(urlPathEqualTo("/repos/acme/config/pulls")).inScenario("pr").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(okJson("[]")));
            api.wireMock().stubFor(post(urlEqualTo("/repos/acme/config/pulls")).inScenario("pr").willSetStateTo("open")
                    .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(pr5)));
            api.wireMock().stubFor(get(urlPathEqualTo("/repos/acme/config/pulls")).inScenario("pr").whenScenarioStateIs("open")
                    .withQueryParam("state", equalTo("open")).willReturn(okJson("[" + pr5 + "]")));
            api.wireMock().stubFor(get(urlEqualTo("/repos/acme/config/pulls/5")).willReturn(okJson(pr5)));
            api.wireMock().stubFor(post(urlEqualTo("/repos/acme/config/issues/5/comments")).willReturn(aResponse().withStatus(201)
                    .withHeader("Content-Type", "application/json").withBody("{\"id\": 1}")));
            api.wireMock().stubFor(patch(urlEqualTo("/repos/acme/config/pulls/5")).willReturn(okJson(pr5)));
            Path token = temp.resolve("token");
            Files.writeString(token, TOKEN);
            String[] repo = {"--repo", git.url("config").toString(), "--cache-dir", temp.resolve("cache").toString(), "--username", "ci",
                "--token-file", token.toString(), "--provider", "github", "--api-url", api.url("").toString(), "--project", "acme/config"};
            assertThat(CliRun.of(concat(new String[] {"promote"}, repo, "--env", "staging", "--app", "web", "--from", "dev",
                    "--boundary", "off")).exitCode()).isZero();
            RevCommit byHand = BareRepos.commitFile(config, "main", "apps/web/staging/kustomization.yaml", web.formatted("staging"),
                    "web 1.1.0 in staging by hand");

            CliRun dry = CliRun.of(concat(new String[] {"prune"}, repo, "--dry-run"));
            assertThat(dry.out()).isEqualTo("planned gitops-promotion/staging/web: main has web `1.1.0` since " + byHand.name()
                    + " (`web 1.1.0 in staging by hand`)\n");
            CliRun prune = CliRun.of(concat(new String[] {"prune"}, repo, "--json"));

            assertThat(prune.exitCode()).as(prune.err()).isZero();
            JsonNode pruned = new ObjectMapper().readTree(prune.out());
            assertThat(pruned).hasSize(1);
            assertThat(pruned.get(0).get("action").asText()).isEqualTo("closed");
            assertThat(pruned.get(0).get("commit").asText()).isEqualTo(byHand.name());
            assertThat(pruned.get(0).get("pullRequest").get("number").asLong()).isEqualTo(5);
            api.wireMock().verify(1, postRequestedFor(urlEqualTo("/repos/acme/config/issues/5/comments"))
                    .withRequestBody(containing(byHand.name())));
            assertThat(BareRepos.head(config, "gitops-promotion/staging/web")).isNull();
            assertThat(prune.out() + prune.err()).doesNotContain(TOKEN);

            // prod's branch proposes 1.1.0, which prod then gets by hand: moot, and status cleans it up before it shows the matrix.
            assertThat(CliRun.of(concat(new String[] {"promote"}, repo, "--env", "prod", "--app", "web", "--from", "staging",
                    "--boundary", "off")).exitCode()).isZero();
            RevCommit prodByHand = BareRepos.commitFile(config, "main", "apps/web/prod/kustomization.yaml", web.formatted("prod"),
                    "web 1.1.0 in prod by hand");
            CliRun status = CliRun.of("status", "--repo", git.url("config").toString(), "--cache-dir", temp.resolve("cache").toString(),
                    "--username", "ci", "--token-file", token.toString(), "--provider", "none");
            assertThat(status.exitCode()).as(status.err()).isZero();
            assertThat(status.err()).contains("pruned: deleted gitops-promotion/prod/web: main has web `1.1.0` since "
                    + prodByHand.name() + " (`web 1.1.0 in prod by hand`)");
            assertThat(BareRepos.head(config, "gitops-promotion/prod/web")).isNull();
        }
    }

    private static String[] concat(String[] first, String[] second, String... rest) {
        return java.util.stream.Stream.of(first, second, rest).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
