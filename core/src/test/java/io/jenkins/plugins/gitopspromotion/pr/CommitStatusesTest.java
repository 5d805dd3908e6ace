package io.jenkins.plugins.gitopspromotion.pr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.jenkins.plugins.gitopspromotion.pr.ProviderTestSupport.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading the statuses agents post on a commit, from every provider that has them, against WireMock answering with the
 * bodies each provider documents:
 * <ul>
 *   <li>GitHub REST 2022-11-28, "List commit statuses for a reference": {@code GET /repos/{owner}/{repo}/commits/{ref}/statuses},
 *       an array of {@code {url, avatar_url, id, node_id, state, description, target_url, context, created_at, updated_at,
 *       creator}}, newest first;</li>
 *   <li>GitLab REST v4, "List the statuses of a commit": {@code GET /projects/:id/repository/commits/:sha/statuses}, an
 *       array of {@code {status, created_at, started_at, name, allow_failure, author, description, sha, target_url,
 *       finished_at, id, ref, coverage}}, the latest per name unless {@code all};</li>
 *   <li>Gitea API v1 ({@code modules/structs/status.go}): {@code GET /repos/{owner}/{repo}/commits/{ref}/statuses}, an array
 *       of {@code {id, status, target_url, description, url, context, creator, created_at, updated_at}};</li>
 *   <li>Bitbucket Cloud REST 2.0, "List commit statuses for a commit": {@code GET
 *       /repositories/{workspace}/{repo_slug}/commit/{commit}/statuses}, a page of {@code values} of {@code {type, links,
 *       uuid, key, refname, url, state, name, description, created_on, updated_on}};</li>
 *   <li>Bitbucket Data Center build status API: {@code GET /rest/build-status/latest/commits/{commitId}}, a page of
 *       {@code values} of {@code {state, key, name, url, description, dateAdded}} (epoch milliseconds);</li>
 *   <li>Azure DevOps REST 7.1, "Statuses - List" ({@code specification/git/7.1/git.json} and its example):
 *       {@code GET /{organization}/{project}/_apis/git/repositories/{repositoryId}/commits/{commitId}/statuses}, {@code
 *       {count, value: [{state, description, context: {name, genre}, creationDate, updatedDate, createdBy, targetUrl}]}}.</li>
 * </ul>
 * The contexts are those Flux's notification-controller posts ({@code kustomization/<name>/<provider uid>}; Bitbucket:
 * name {@code kustomization/<name>}, key the SHA-1 of the id) and Argo CD's ({@code continuous-delivery/<app>}).
 */
class CommitStatusesTest {

    private static final String SHA = "731f7eaddfb6af01cb2173e18f0f75b0ba780ef1";
    private static final String FLUX_KEY = "b7f9d6a3c5e0f1a2b3c4d5e6f708192a3b4c5d6e";

    private ProviderTestSupport support;
    private WireMockServer api;

    @BeforeEach
    void start() {
        support = ProviderTestSupport.start();
        api = support.wireMock();
    }

    @AfterEach
    void stop() {
        support.close();
    }

    @Test
    void gitHub() throws ApiException {
        api.stubFor(get(urlEqualTo("/api/v3/repos/acme/config/commits/" + SHA + "/statuses?per_page=100"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)).willReturn(okJson("""
                [{"url": "https://api.github.com/repos/acme/config/statuses/%1$s", "avatar_url": "https://github.com/images/error/hubot_happy.gif",
                  "id": 2, "node_id": "MDY6U3RhdHVzMg==", "state": "failure", "description": "Degraded",
                  "target_url": "https://argocd.example.com/applications/web-prod", "context": "continuous-delivery/web-prod",
                  "created_at": "2026-11-27T12:01:00Z", "updated_at": "2026-11-27T12:01:00Z",
                  "creator": {"login": "argocd-bot", "id": 3, "type": "Bot", "site_admin": false}},
                 {"url": "https://api.github.com/repos/acme/config/statuses/%1$s", "avatar_url": "https://github.com/images/error/hubot_happy.gif",
                  "id": 1, "node_id": "MDY6U3RhdHVzMQ==", "state": "success", "description": "reconciliation succeeded",
                  "target_url": null, "context": "kustomization/apps/6f2a9c1e", "created_at": "2026-11-27T12:00:10Z",
                  "updated_at": "2026-11-27T12:00:10Z", "creator": {"login": "flux-bot", "id": 2, "type": "User", "site_admin": false}}]
                """.formatted(SHA))));

        assertThat(support.provider(ProviderKind.GITHUB, "/api/v3", "acme/config").commitStatuses(SHA)).containsExactly(
                new CommitStatus("continuous-delivery/web-prod", "continuous-delivery/web-prod", CommitStatus.State.FAILURE,
                        "Degraded", "https://argocd.example.com/applications/web-prod", "2026-11-27T12:01:00Z"),
                new CommitStatus("kustomization/apps/6f2a9c1e", "kustomization/apps/6f2a9c1e", CommitStatus.State.SUCCESS,
                        "reconciliation succeeded", "", "2026-11-27T12:00:10Z"));
        api.verify(getRequestedFor(urlEqualTo("/api/v3/repos/acme/config/commits/" + SHA + "/statuses?per_page=100"))
                .withHeader("Accept", equalTo("application/vnd.github+json")));
    }

    @Test
    void gitLab() throws ApiException {
        api.stubFor(get(urlEqualTo("/api/v4/projects/ops%2Fconfig/repository/commits/" + SHA + "/statuses?per_page=100"))
                .willReturn(okJson("""
                [{"status": "failed", "created_at": "2026-11-27T12:00:05.000Z", "started_at": null,
                  "name": "kustomization/apps/6f2a9c1e", "allow_failure": false,
                  "author": {"username": "flux", "id": 28, "name": "Flux", "state": "active"},
                  "description": "health check failed", "sha": "%1$s", "target_url": null,
                  "finished_at": "2026-11-27T12:00:10.000Z", "id": 93, "ref": null, "coverage": null},
                 {"status": "running", "created_at": "2026-11-27T12:02:00.000Z", "started_at": "2026-11-27T12:02:01.000Z",
                  "name": "build", "allow_failure": false, "author": {"username": "ci", "id": 1, "name": "CI", "state": "active"},
                  "description": null, "sha": "%1$s", "target_url": "https://ci.example.com/1", "finished_at": null,
                  "id": 94, "ref": "main", "coverage": null}]
                """.formatted(SHA))));

        assertThat(support.provider(ProviderKind.GITLAB, "/api/v4", "ops/config").commitStatuses(SHA)).containsExactly(
                new CommitStatus("kustomization/apps/6f2a9c1e", "kustomization/apps/6f2a9c1e", CommitStatus.State.FAILURE,
                        "health check failed", "", "2026-11-27T12:00:10.000Z"),
                new CommitStatus("build", "build", CommitStatus.State.PENDING, "", "https://ci.example.com/1",
                        "2026-11-27T12:02:01.000Z"));
    }

    @Test
    void gitea() throws ApiException {
        api.stubFor(get(urlEqualTo("/api/v1/repos/ops/config/commits/" + SHA + "/statuses?sort=recentupdate&page=1&limit=50"))
                .withHeader("Authorization", equalTo("token " + TOKEN)).willReturn(okJson("""
                [{"id": 7, "status": "success", "target_url": "", "description": "reconciliation succeeded",
                  "url": "https://gitea.example.com/api/v1/repos/ops/config/statuses/%s",
                  "context": "kustomization/apps/6f2a9c1e", "creator": {"id": 2, "login": "flux"},
                  "created_at": "2026-11-27T12:00:10Z", "updated_at": "2026-11-27T12:00:11Z"}]
                """.formatted(SHA))));

        assertThat(support.provider(ProviderKind.GITEA, "/api/v1", "ops/config").commitStatuses(SHA)).containsExactly(
                new CommitStatus("kustomization/apps/6f2a9c1e", "kustomization/apps/6f2a9c1e", CommitStatus.State.SUCCESS,
                        "reconciliation succeeded", "", "2026-11-27T12:00:11Z"));
    }

    @Test
    void bitbucketCloud() throws ApiException {
        api.stubFor(get(urlEqualTo("/2.0/repositories/acme/config/commit/" + SHA + "/statuses?sort=-updated_on&pagelen=100"))
                .willReturn(okJson("""
                {"size": 1, "page": 1, "pagelen": 100, "values": [
                  {"type": "build", "links": {"self": {"href": "https://api.bitbucket.org/2.0/repositories/acme/config/commit/%1$s/statuses/build/%2$s"},
                   "commit": {"href": "https://api.bitbucket.org/2.0/repositories/acme/config/commit/%1$s"}},
                   "uuid": "{8e1a45b2-9a1c-4d3e-8f2a-1b2c3d4e5f60}", "key": "%2$s", "refname": null, "url": "https://flux.example.com",
                   "state": "SUCCESSFUL", "name": "kustomization/apps", "description": "reconciliation succeeded",
                   "created_on": "2026-11-27T12:00:10.000000+00:00", "updated_on": "2026-11-27T12:00:11.000000+00:00"}]}
                """.formatted(SHA, FLUX_KEY))));

        assertThat(support.provider(ProviderKind.BITBUCKET, "/2.0", "acme/config").commitStatuses(SHA)).containsExactly(
                new CommitStatus("kustomization/apps", FLUX_KEY, CommitStatus.State.SUCCESS, "reconciliation succeeded",
                        "https://flux.example.com", "2026-11-27T12:00:11.000000+00:00"));
    }

    @Test
    void bitbucketDataCenterReadsTheBuildStatusApiBesideTheRestApi() throws ApiException {
        api.stubFor(get(urlEqualTo("/bitbucket/rest/build-status/latest/commits/" + SHA + "?limit=100")).willReturn(okJson("""
                {"size": 1, "limit": 100, "isLastPage": true, "start": 0, "values": [
                  {"state": "FAILED", "key": "%s", "name": "kustomization/apps", "url": "https://flux.example.com",
                   "description": "health check failed", "dateAdded": 1795780810000}]}
                """.formatted(FLUX_KEY))));

        assertThat(support.provider(ProviderKind.BITBUCKET_SERVER, "/bitbucket/rest/api/latest", "OPS/config").commitStatuses(SHA))
                .containsExactly(new CommitStatus("kustomization/apps", FLUX_KEY, CommitStatus.State.FAILURE,
                        "health check failed", "https://flux.example.com", "2026-11-27T12:00:10Z"));
    }

    @Test
    void azureDevOps() throws ApiException {
        api.stubFor(get(urlEqualTo("/acme/platform/_apis/git/repositories/config/commits/" + SHA
                + "/statuses?latestOnly=true&api-version=7.1")).willReturn(okJson("""
                {"count": 1, "value": [
                  {"state": "succeeded", "description": "reconciliation succeeded",
                   "context": {"name": "kustomization/apps/6f2a9c1e", "genre": "fluxcd"},
                   "creationDate": "2026-11-27T12:00:10Z", "updatedDate": "2026-11-27T12:00:12Z",
                   "createdBy": {"id": "278d5cd2-584d-4b63-824a-2ba458937249", "displayName": "Flux",
                     "uniqueName": "flux@acme.example", "url": "https://dev.azure.com/acme/_apis/Identities/278d5cd2-584d-4b63-824a-2ba458937249",
                     "imageUrl": "https://dev.azure.com/acme/_api/_common/identityImage?id=278d5cd2-584d-4b63-824a-2ba458937249"},
                   "targetUrl": ""}]}
                """)));

        assertThat(support.provider(ProviderKind.AZURE_DEVOPS, "", "acme/platform/config").commitStatuses(SHA)).containsExactly(
                new CommitStatus("kustomization/apps/6f2a9c1e", "fluxcd", CommitStatus.State.SUCCESS, "reconciliation succeeded", "",
                        "2026-11-27T12:00:12Z"));
    }

    @Test
    void aRefusedTokenSaysSoWithoutShowingItAndOnlyCommitIdsGoIntoTheUrl() {
        api.stubFor(get(urlEqualTo("/api/v3/repos/acme/config/commits/" + SHA + "/statuses?per_page=100"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
                        {"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"}""")));
        PullRequestProvider github = support.provider(ProviderKind.GITHUB, "/api/v3", "acme/config");

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> github.commitStatuses(SHA));
        assertThat(refused).isInstanceOf(ApiException.class).hasMessageContaining("answered 401: the token was refused")
                .hasMessageContaining("Bad credentials");
        ProviderTestSupport.assertTokenNeverShown(refused);
        assertThatThrownBy(() -> github.commitStatuses("../../user")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a commit id: ../../user");
        assertThat(api.getAllServeEvents()).as("the bad commit id was never sent").hasSize(1);
    }
}
