package io.jenkins.plugins.gitopspromotion.pr;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub and GitHub Enterprise Server, through the REST API ({@code /repos/{owner}/{repo}/pulls}, issue labels,
 * requested reviewers) and, for auto-merge, the GraphQL mutation {@code enablePullRequestAutoMerge}.
 * Reviewers written {@code org/team} are asked as teams, others as users.
 */
public final class GitHubProvider implements PullRequestProvider {

    private static final Map<String, String> HEADERS = Map.of(
            "Accept", "application/vnd.github+json",
            "X-GitHub-Api-Version", "2022-11-28");

    private final ApiClient api;
    private final String owner;
    private final String repo;
    private final URI graphql;

    /**
     * @param settings the API URL ({@code https://api.github.com}, or {@code https://HOST/api/v3}) and {@code owner/repo}
     */
    public GitHubProvider(ProviderSettings settings, RetryPolicy retry, HttpClient http, Clock clock) {
        this.api = new ApiClient("GitHub", settings.apiUrl(), settings.token(), token -> "Bearer " + token,
                GitHubProvider::errorMessage, retry, http, clock);
        String[] parts = settings.projectParts(2, "owner/repo");
        this.owner = parts[0];
        this.repo = parts[1];
        String base = settings.apiUrl().toString().replaceAll("/+$", "");
        // api.github.com/graphql; an Enterprise Server has /api/v3 for REST and /api/graphql.
        this.graphql = URI.create(base.endsWith("/api/v3") ? base.substring(0, base.length() - 3) + "graphql" : base + "/graphql");
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.GITHUB;
    }

    @Override
    public Optional<PullRequest> findOpen(String head, String base) throws ApiException {
        String path = repoPath() + "/pulls?state=open&per_page=100&head=" + encode(owner + ":" + head) + "&base=" + encode(base);
        for (Optional<String> page = Optional.of(path); page.isPresent(); ) {
            ApiResponse response = api.send("GET", page.get(), null, HEADERS);
            for (JsonNode pull : response.body()) {
                if (head.equals(pull.path("head").path("ref").asText()) && base.equals(pull.path("base").path("ref").asText())) {
                    return Optional.of(pullRequest(pull));
                }
            }
            page = response.nextLink();
        }
        return Optional.empty();
    }

    @Override
    public PullRequest create(PullRequestDraft draft) throws ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", draft.title());
        body.put("head", draft.head());
        body.put("base", draft.base());
        body.put("body", draft.body());
        body.put("maintainer_can_modify", false);
        return pullRequest(api.send("POST", repoPath() + "/pulls", body, HEADERS).body());
    }

    @Override
    public PullRequest update(PullRequest pullRequest, PullRequestDraft draft) throws ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", draft.title());
        body.put("body", draft.body());
        return pullRequest(api.send("PATCH", repoPath() + "/pulls/" + pullRequest.number(), body, HEADERS).body());
    }

    @Override
    public void addLabels(PullRequest pullRequest, List<String> labels) throws ApiException {
        api.send("POST", repoPath() + "/issues/" + pullRequest.number() + "/labels", Map.of("labels", labels), HEADERS);
    }

    @Override
    public void requestReviewers(PullRequest pullRequest, List<String> reviewers) throws ApiException {
        List<String> users = new ArrayList<>();
        List<String> teams = new ArrayList<>();
        for (String reviewer : reviewers) {
            if (reviewer.contains("/")) {
                teams.add(reviewer.substring(reviewer.indexOf('/') + 1));
            } else {
                users.add(reviewer);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reviewers", users);
        body.put("team_reviewers", teams);
        api.send("POST", repoPath() + "/pulls/" + pullRequest.number() + "/requested_reviewers", body, HEADERS);
    }

    @Override
    public boolean supportsAutoMerge() {
        return true;
    }

    @Override
    public void enableAutoMerge(PullRequest pullRequest, PullRequestDraft draft) throws ApiException {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("query", "mutation($id: ID!) { enablePullRequestAutoMerge(input: {pullRequestId: $id, mergeMethod: SQUASH})"
                + " { pullRequest { number } } }");
        query.put("variables", Map.of("id", pullRequest.id()));
        JsonNode answer = api.send("POST", graphql.toString(), query, HEADERS).body();
        // GraphQL reports failures with 200 and an errors array.
        if (answer.path("errors").isArray() && !answer.path("errors").isEmpty()) {
            throw new ApiException(422, "GitHub could not enable auto-merge on " + pullRequest.url() + ": "
                    + answer.path("errors").get(0).path("message").asText());
        }
    }

    private String repoPath() {
        return "repos/" + encode(owner) + "/" + encode(repo);
    }

    private static PullRequest pullRequest(JsonNode pull) {
        return new PullRequest(pull.path("number").asLong(), pull.path("html_url").asText(), pull.path("node_id").asText());
    }

    /** {@code message}, with the validation errors GitHub lists under {@code errors}. */
    static Optional<String> errorMessage(JsonNode body) {
        if (!body.hasNonNull("message")) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder(body.get("message").asText());
        for (JsonNode error : body.path("errors")) {
            message.append("; ").append(error.hasNonNull("message") ? error.get("message").asText()
                    : error.path("resource").asText() + " " + error.path("field").asText() + " " + error.path("code").asText());
        }
        return Optional.of(message.toString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
