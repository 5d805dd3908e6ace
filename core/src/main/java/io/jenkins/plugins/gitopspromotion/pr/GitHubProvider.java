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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GitHub, GitHub Enterprise Cloud and GitHub Enterprise Server, through the REST API
 * ({@code /repos/{owner}/{repo}/pulls}, issue labels, requested reviewers) and, for auto-merge, GraphQL: the
 * repository's allowed merge methods and the pull request's head, then the mutation {@code enablePullRequestAutoMerge}.
 * Reviewers written {@code org/team} are asked as teams of the repository's organization, others as users.
 *
 * <p>GitHub refuses auto-merge on a pull request with nothing left to wait for ("is in clean status", or
 * "unstable status" when only optional checks fail); such a pull request is merged at once instead, with the
 * same method and only at the head that was read, as GitLab and Gitea do by themselves.
 */
public final class GitHubProvider implements PullRequestProvider {

    private static final Map<String, String> HEADERS = Map.of(
            "Accept", "application/vnd.github+json",
            "X-GitHub-Api-Version", "2022-11-28");

    /** The merge methods in order of preference: squash keeps one commit per promotion on the base branch. */
    private static final List<MergeMethod> MERGE_METHODS = List.of(new MergeMethod("squashMergeAllowed", "SQUASH"),
            new MergeMethod("mergeCommitAllowed", "MERGE"), new MergeMethod("rebaseMergeAllowed", "REBASE"));

    /** How GitHub refuses auto-merge on a pull request that can merge now ("Pull request is in clean status"). */
    private static final Pattern NOTHING_TO_WAIT_FOR = Pattern.compile("is in (clean|unstable) status");

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
        this.graphql = graphqlUrl(settings.apiUrl());
    }

    /**
     * GraphQL's URL beside the REST API's: {@code https://api.github.com/graphql} (and {@code api.SUBDOMAIN.ghe.com}),
     * or {@code https://HOST/api/graphql} for an Enterprise Server, whose REST API is {@code https://HOST/api/v3}.
     */
    private static URI graphqlUrl(URI apiUrl) {
        String base = apiUrl.toString().replaceAll("/+$", "");
        String rest = "/v3";
        return URI.create((base.endsWith("/api" + rest) ? base.substring(0, base.length() - rest.length()) : base) + "/graphql");
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

    /** {@code GET /repos/{owner}/{repo}/pulls?state=closed}: those with no {@code merged_at} were closed unmerged. */
    @Override
    public List<ClosedPullRequest> findClosed(String head, String base) throws ApiException {
        List<ClosedPullRequest> closed = new ArrayList<>();
        for (JsonNode pull : api.send("GET", repoPath() + "/pulls?state=closed&sort=updated&direction=desc&per_page=100&head="
                + encode(owner + ":" + head) + "&base=" + encode(base), null, HEADERS).body()) {
            if (head.equals(pull.path("head").path("ref").asText()) && base.equals(pull.path("base").path("ref").asText())
                    && "closed".equals(pull.path("state").asText()) && pull.path("merged_at").isNull()) {
                closed.add(new ClosedPullRequest(pullRequest(pull), pull.path("head").path("sha").asText()));
            }
        }
        return closed;
    }

    /** {@code GET /repos/{owner}/{repo}/pulls/{pull_number}}: its {@code body}, empty when it has none. */
    @Override
    public String description(PullRequest pullRequest) throws ApiException {
        return CommitStatus.text(api.send("GET", repoPath() + "/pulls/" + pullRequest.number(), null, HEADERS).body(), "body");
    }

    /** {@code POST /repos/{owner}/{repo}/issues/{issue_number}/comments}: a pull request's comments are its issue's. */
    @Override
    public void comment(PullRequest pullRequest, String text) throws ApiException {
        api.send("POST", repoPath() + "/issues/" + pullRequest.number() + "/comments", Map.of("body", text), HEADERS);
    }

    /** {@code PATCH /repos/{owner}/{repo}/pulls/{pull_number}} with {@code state: closed}. */
    @Override
    public void close(PullRequest pullRequest) throws ApiException {
        api.send("PATCH", repoPath() + "/pulls/" + pullRequest.number(), Map.of("state", "closed"), HEADERS);
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
            int slash = reviewer.indexOf('/');
            if (slash < 0) {
                users.add(reviewer);
            } else if (reviewer.substring(0, slash).equalsIgnoreCase(owner)) {
                teams.add(reviewer.substring(slash + 1));
            } else {
                // Sent as a bare slug, it would ask the namesake team of this organization, or fail.
                throw new ApiException(0, "GitHub asks only teams of the repository's organization " + owner + " for review,"
                        + " not '" + reviewer + "'; write it " + owner + "/TEAM or list its members");
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reviewers", users);
        body.put("team_reviewers", teams);
        api.send("POST", repoPath() + "/pulls/" + pullRequest.number() + "/requested_reviewers", body, HEADERS);
    }

    /** {@code GET /repos/{owner}/{repo}/commits/{ref}/statuses}: newest first, one page of 100. */
    @Override
    public List<CommitStatus> commitStatuses(String sha) throws ApiException {
        List<CommitStatus> statuses = new ArrayList<>();
        for (JsonNode status : api.send("GET", repoPath() + "/commits/" + CommitStatus.commit(sha) + "/statuses?per_page=100", null,
                HEADERS).body()) {
            statuses.add(CommitStatus.ofContext(status, "state", state -> switch (state) {
                case "success" -> CommitStatus.State.SUCCESS;
                case "failure" -> CommitStatus.State.FAILURE;
                case "error" -> CommitStatus.State.ERROR;
                default -> CommitStatus.State.PENDING;
            }));
        }
        return statuses;
    }

    @Override
    public boolean supportsAutoMerge() {
        return true;
    }

    /**
     * Sets the pull request to merge once its requirements pass, with the first merge method the repository allows
     * of squash, merge commit and rebase; merges it at once when GitHub says there is nothing to wait for.
     *
     * @throws ApiException if the repository allows no merge method or refuses auto-merge, or the merge fails
     */
    @Override
    public void enableAutoMerge(PullRequest pullRequest, PullRequestDraft draft) throws ApiException {
        JsonNode read = graphql("query($id: ID!) { node(id: $id) { ... on PullRequest { headRefOid"
                + " repository { squashMergeAllowed mergeCommitAllowed rebaseMergeAllowed } } } }", Map.of("id", pullRequest.id()));
        Optional<String> unreadable = firstError(read);
        if (unreadable.isPresent()) {
            throw new ApiException(422, "GitHub could not read " + pullRequest.url() + " to set it to auto-merge: " + unreadable.get());
        }
        JsonNode node = read.path("data").path("node");
        String method = mergeMethod(pullRequest, node.path("repository"));
        JsonNode answer = graphql("mutation($id: ID!, $method: PullRequestMergeMethod!) {"
                + " enablePullRequestAutoMerge(input: {pullRequestId: $id, mergeMethod: $method}) { pullRequest { number } } }",
                Map.of("id", pullRequest.id(), "method", method));
        Optional<String> refusal = firstError(answer);
        if (refusal.isEmpty()) {
            return;
        }
        if (!NOTHING_TO_WAIT_FOR.matcher(refusal.get()).find()) {
            throw new ApiException(422, "GitHub could not enable auto-merge on " + pullRequest.url() + ": " + refusal.get());
        }
        Map<String, Object> merge = new LinkedHashMap<>();
        merge.put("merge_method", method.toLowerCase(Locale.ROOT));
        merge.put("sha", node.path("headRefOid").asText());
        // Never repeated: a merge whose answer was lost would be refused the second time as "not mergeable".
        api.sendOnce("PUT", repoPath() + "/pulls/" + pullRequest.number() + "/merge", merge, HEADERS);
    }

    /** The first method of squash, merge and rebase the repository allows, as GraphQL names it. */
    private static String mergeMethod(PullRequest pullRequest, JsonNode repository) throws ApiException {
        for (MergeMethod method : MERGE_METHODS) {
            if (repository.path(method.allowedField()).asBoolean(false)) {
                return method.name();
            }
        }
        throw new ApiException(422, "the repository of " + pullRequest.url() + " allows no merge method (squash, merge commit"
                + " or rebase), so it cannot be set to merge by itself; allow one in its settings");
    }

    /** A GraphQL request; GraphQL reports most failures with 200 and an {@code errors} array, see {@link #firstError}. */
    private JsonNode graphql(String query, Map<String, Object> variables) throws ApiException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", query);
        request.put("variables", variables);
        return api.send("POST", graphql.toString(), request, HEADERS).body();
    }

    private static Optional<String> firstError(JsonNode answer) {
        JsonNode errors = answer.path("errors");
        return errors.isArray() && !errors.isEmpty() ? Optional.of(errors.get(0).path("message").asText()) : Optional.empty();
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

    /** A merge method as GraphQL names it, and the repository field that says whether it is allowed. */
    private record MergeMethod(String allowedField, String name) {
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
