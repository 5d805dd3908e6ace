package io.jenkins.plugins.gitopspromotion.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.pr.ProviderKind;
import io.jenkins.plugins.gitopspromotion.testing.AgentReports;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Git hosts' pull-request webhooks, signed as each host signs them (GitHub's and Gitea's {@code X-Hub-Signature-256},
 * GitLab's {@code X-Gitlab-Token}, Bitbucket's {@code X-Hub-Signature}, Azure DevOps' basic authentication), with bodies
 * shaped as their webhook references show them.
 */
class GitHostHooksTest {

    private static final String SECRET = "webhook-secret-0123456789";
    private static final HookKeys KEYS = HookKeys.of(List.of(SECRET.toCharArray()));
    private static final String BRANCH = "gitops-promotion/prod/web";

    private static GitHostHooks.Result receive(ProviderKind kind, String body, Map<String, String> headers) {
        Map<String, String> byName = new HashMap<>();
        headers.forEach((k, v) -> byName.put(k.toLowerCase(Locale.ROOT), v));
        GitHostHooks.Result result = GitHostHooks.receive(kind, KEYS, body.getBytes(StandardCharsets.UTF_8),
                name -> byName.get(name.toLowerCase(Locale.ROOT)));
        assertThat(result.answer().json()).doesNotContain(SECRET);
        return result;
    }

    private static void wakes(GitHostHooks.Result result, String action) {
        assertThat(result.answer().status()).as(result.answer().json()).isEqualTo(202);
        assertThat(result.answer().json()).isEqualTo("{\"status\":\"accepted\",\"branch\":\"" + BRANCH + "\"}");
        assertThat(result.event()).contains(new GitHostHooks.Event(BRANCH, action));
    }

    static final String GITHUB = """
            {"action": "closed", "number": 42,
             "pull_request": {"url": "https://api.github.com/repos/acme/config/pulls/42", "id": 1, "number": 42, "state": "closed",
               "merged": true, "head": {"label": "acme:gitops-promotion/prod/web", "ref": "gitops-promotion/prod/web",
               "sha": "6dcb09b5b57875f334f61aebed695e2e4193db5e"}, "base": {"label": "acme:main", "ref": "main",
               "sha": "9049f1265b7d61be4a8904a9a27120d2064dab3b"}},
             "repository": {"id": 1296269, "full_name": "acme/config"}, "sender": {"login": "octocat", "id": 1}}
            """;

    @Test
    void gitHubAndGiteaSignWithXHubSignature256() {
        wakes(receive(ProviderKind.GITHUB, GITHUB, Map.of("X-GitHub-Event", "pull_request", "X-Hub-Signature-256",
                AgentReports.signature(SECRET, GITHUB))), "closed");
        wakes(receive(ProviderKind.GITEA, GITHUB, Map.of("X-GitHub-Event", "pull_request", "X-Gitea-Event", "pull_request",
                "X-Hub-Signature-256", AgentReports.signature(SECRET, GITHUB))), "closed");
        GitHostHooks.Result push = receive(ProviderKind.GITHUB, "{\"ref\": \"refs/heads/main\"}", Map.of("X-GitHub-Event", "push",
                "X-Hub-Signature-256", AgentReports.signature(SECRET, "{\"ref\": \"refs/heads/main\"}")));
        assertThat(push.answer().status()).isEqualTo(200);
        assertThat(push.event()).isEmpty();
        assertThat(receive(ProviderKind.GITHUB, GITHUB.replace("closed", "opened"), Map.of("X-GitHub-Event", "pull_request",
                "X-Hub-Signature-256", AgentReports.signature(SECRET, GITHUB))).answer().status()).as("tampered").isEqualTo(401);
        assertThat(receive(ProviderKind.GITHUB, GITHUB, Map.of("X-GitHub-Event", "pull_request")).answer().json())
                .isEqualTo("{\"error\":\"the X-Hub-Signature-256 header is missing: GitHub sends it with the webhook's secret\"}");
    }

    @Test
    void gitLabSendsItsTokenAsItIs() {
        String body = """
                {"object_kind": "merge_request", "event_type": "merge_request",
                 "user": {"id": 1, "name": "Administrator", "username": "root"},
                 "project": {"id": 1, "path_with_namespace": "ops/config"},
                 "object_attributes": {"id": 99, "iid": 7, "source_branch": "gitops-promotion/prod/web", "target_branch": "main",
                   "state": "merged", "action": "merge", "merge_status": "can_be_merged"}}
                """;
        wakes(receive(ProviderKind.GITLAB, body, Map.of("X-Gitlab-Event", "Merge Request Hook", "X-Gitlab-Token", SECRET)), "merge");
        assertThat(receive(ProviderKind.GITLAB, body, Map.of("X-Gitlab-Event", "Merge Request Hook", "X-Gitlab-Token", "guess"))
                .answer().status()).isEqualTo(401);
    }

    @Test
    void bitbucketCloudAndDataCenterSignWithXHubSignature() {
        String cloud = """
                {"pullrequest": {"id": 5, "title": "Promote web to prod", "state": "MERGED",
                   "source": {"branch": {"name": "gitops-promotion/prod/web"}, "commit": {"hash": "d3022fc0ca3d"}},
                   "destination": {"branch": {"name": "main"}}},
                 "repository": {"full_name": "acme/config"}, "actor": {"display_name": "Jane"}}
                """;
        wakes(receive(ProviderKind.BITBUCKET, cloud, Map.of("X-Event-Key", "pullrequest:fulfilled", "X-Hub-Signature",
                AgentReports.signature(SECRET, cloud))), "pullrequest:fulfilled");
        String dataCenter = """
                {"eventKey": "pr:merged", "date": "2026-11-27T12:00:00+0000", "actor": {"name": "jane"},
                 "pullRequest": {"id": 12, "version": 1, "state": "MERGED",
                   "fromRef": {"id": "refs/heads/gitops-promotion/prod/web", "displayId": "gitops-promotion/prod/web",
                     "latestCommit": "ef8755f06ee4b28c96a847a95cb8ec8ed6ddd1ca"},
                   "toRef": {"id": "refs/heads/main", "displayId": "main"}}}
                """;
        wakes(receive(ProviderKind.BITBUCKET_SERVER, dataCenter, Map.of("X-Event-Key", "pr:merged", "X-Hub-Signature",
                AgentReports.signature(SECRET, dataCenter))), "pr:merged");
        assertThat(receive(ProviderKind.BITBUCKET_SERVER, dataCenter, Map.of("X-Event-Key", "pr:merged", "X-Hub-Signature",
                AgentReports.signature("other", dataCenter))).answer().status()).isEqualTo(401);
    }

    @Test
    void azureDevOpsServiceHooksUseBasicAuthentication() {
        String body = """
                {"subscriptionId": "00000000-0000-0000-0000-000000000000", "notificationId": 3,
                 "id": "2ab4e3d3-b7a6-425e-92b1-5a9982c1269e", "eventType": "git.pullrequest.merged", "publisherId": "tfs",
                 "message": {"text": "Jamal Hartnett has created a pull request merge commit"},
                 "resource": {"pullRequestId": 1, "status": "completed", "sourceRefName": "refs/heads/gitops-promotion/prod/web",
                   "targetRefName": "refs/heads/main", "mergeStatus": "succeeded"}}
                """;
        String basic = "Basic " + Base64.getEncoder().encodeToString(("jenkins:" + SECRET).getBytes(StandardCharsets.UTF_8));
        wakes(receive(ProviderKind.AZURE_DEVOPS, body, Map.of("Authorization", basic)), "git.pullrequest.merged");
        String wrong = "Basic " + Base64.getEncoder().encodeToString("jenkins:guess".getBytes(StandardCharsets.UTF_8));
        assertThat(receive(ProviderKind.AZURE_DEVOPS, body, Map.of("Authorization", wrong)).answer().status()).isEqualTo(401);
        assertThat(receive(ProviderKind.AZURE_DEVOPS, body, Map.of("Authorization", "Basic %%%")).answer().status()).isEqualTo(401);
    }

    @Test
    void anOversizedOrMalformedBodyIsRefused() {
        String large = " ".repeat(HookReceiver.MAX_BODY + 1);
        assertThat(receive(ProviderKind.GITHUB, large, Map.of("X-Hub-Signature-256", AgentReports.signature(SECRET, large)))
                .answer().status()).isEqualTo(413);
        String notAPullRequest = "{\"action\": \"closed\"}";
        GitHostHooks.Result malformed = receive(ProviderKind.GITHUB, notAPullRequest, Map.of("X-GitHub-Event", "pull_request",
                "X-Hub-Signature-256", AgentReports.signature(SECRET, notAPullRequest)));
        assertThat(malformed.answer().status()).isEqualTo(400);
        assertThat(malformed.answer().json()).isEqualTo("{\"error\":\"pull_request is missing or not an object in a GitHub webhook\"}");
    }
}
