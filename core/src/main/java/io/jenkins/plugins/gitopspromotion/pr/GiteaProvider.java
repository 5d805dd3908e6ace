package io.jenkins.plugins.gitopspromotion.pr;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gitea and Forgejo (Codeberg included), through their REST API under {@code /api/v1}: pull requests are listed,
 * opened and edited under {@code /repos/{owner}/{repo}/pulls}, labels are put on the pull request's issue, reviewers
 * are asked with {@code requested_reviewers}, and auto-merge is Gitea's "merge when checks succeed". The token is an
 * access token, sent as {@code Authorization: token <token>}.
 *
 * <p>Where Gitea differs from GitHub, and what this class does about it:
 * <ul>
 *   <li>The open pull request of a branch is found by listing the open ones and matching head and base: the list
 *       has no head or base filter, and the direct {@code GET /pulls/{base}/{head}} exists only in recent Gitea.</li>
 *   <li>Labels are added by id, not by name: the repository's labels are listed to map names to ids, and a name the
 *       repository does not have is an error naming it. Organization-wide labels are not looked up.</li>
 *   <li>Reviewers written {@code org/team} are asked as teams, which Gitea looks up in the repository's own
 *       organization only; a team of another organization is refused rather than confused with a namesake.</li>
 *   <li>Auto-merge uses the repository's default merge style. Gitea merges at once when the checks have already
 *       passed, and otherwise schedules the merge; a merge already scheduled counts as done. While Gitea re-checks
 *       the pull request after a push it answers 405 "Please try again later" (its mergeability check comes
 *       before the "already scheduled" one), which is tried again for a few seconds.</li>
 * </ul>
 */
public final class GiteaProvider implements PullRequestProvider {

    /** Gitea's default {@code MAX_RESPONSE_ITEMS}; a larger page would be cut down to it anyway. */
    private static final int PAGE_SIZE = 50;

    /** Gitea's 405 while the pull request is being checked ({@code ErrNotMergeableState} in the merge route). */
    private static final String TRY_AGAIN_LATER = "Please try again later";

    private final ApiClient api;
    private final RetryPolicy retry;
    private final String owner;
    private final String repo;

    /**
     * @param settings the API URL ({@code https://HOST/api/v1}) and {@code owner/repo}
     * @param retry how long to wait out rate limits and outages
     * @param http the HTTP client
     * @param clock the time, for rate-limit reset headers
     */
    public GiteaProvider(ProviderSettings settings, RetryPolicy retry, HttpClient http, Clock clock) {
        // "token", not "Bearer": the form Gitea documents for access tokens (Forgejo accepts both).
        this.api = new ApiClient("Gitea", settings.apiUrl(), settings.token(), token -> "token " + token,
                GiteaProvider::errorMessage, retry, http, clock);
        this.retry = retry;
        String[] parts = settings.projectParts(2, "owner/repo");
        this.owner = parts[0];
        this.repo = parts[1];
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.GITEA;
    }

    @Override
    public Optional<PullRequest> findOpen(String head, String base) throws ApiException {
        for (Optional<String> page = Optional.of(repoPath() + "/pulls?state=open&page=1&limit=" + PAGE_SIZE); page.isPresent(); ) {
            ApiResponse response = api.get(page.get());
            for (JsonNode pull : response.body()) {
                JsonNode from = pull.path("head");
                JsonNode into = pull.path("base");
                // A fork's pull request from a branch of the same name is someone else's: same repository only.
                if (head.equals(from.path("ref").asText()) && base.equals(into.path("ref").asText())
                        && from.path("repo_id").asLong() == into.path("repo_id").asLong()) {
                    return Optional.of(pullRequest(pull));
                }
            }
            page = response.nextLink();
        }
        return Optional.empty();
    }

    /**
     * {@code GET /repos/{owner}/{repo}/pulls?state=closed&sort=recentupdate}, one page: those with {@code merged} false
     * were closed unmerged; the head is {@code head.sha}.
     */
    @Override
    public List<ClosedPullRequest> findClosed(String head, String base) throws ApiException {
        List<ClosedPullRequest> closed = new ArrayList<>();
        for (JsonNode pull : api.get(repoPath() + "/pulls?state=closed&sort=recentupdate&page=1&limit=" + PAGE_SIZE).body()) {
            JsonNode from = pull.path("head");
            JsonNode into = pull.path("base");
            if (head.equals(from.path("ref").asText()) && base.equals(into.path("ref").asText())
                    && from.path("repo_id").asLong() == into.path("repo_id").asLong() && !pull.path("merged").asBoolean(false)) {
                closed.add(new ClosedPullRequest(pullRequest(pull), CommitStatus.text(from, "sha")));
            }
        }
        return closed;
    }

    /** {@code GET /repos/{owner}/{repo}/pulls/{index}}: its {@code body}. */
    @Override
    public String description(PullRequest pullRequest) throws ApiException {
        return CommitStatus.text(api.get(repoPath() + "/pulls/" + pullRequest.number()).body(), "body");
    }

    /** {@code POST /repos/{owner}/{repo}/issues/{index}/comments}: a pull request's comments are its issue's. */
    @Override
    public void comment(PullRequest pullRequest, String text) throws ApiException {
        api.send("POST", repoPath() + "/issues/" + pullRequest.number() + "/comments", Map.of("body", text));
    }

    /** {@code PATCH /repos/{owner}/{repo}/pulls/{index}} with {@code state: closed}. */
    @Override
    public void close(PullRequest pullRequest) throws ApiException {
        api.send("PATCH", repoPath() + "/pulls/" + pullRequest.number(), Map.of("state", "closed"));
    }

    @Override
    public PullRequest create(PullRequestDraft draft) throws ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", draft.title());
        body.put("head", draft.head());
        body.put("base", draft.base());
        body.put("body", draft.body());
        return pullRequest(api.send("POST", repoPath() + "/pulls", body).body());
    }

    @Override
    public PullRequest update(PullRequest pullRequest, PullRequestDraft draft) throws ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", draft.title());
        body.put("body", draft.body());
        return pullRequest(api.send("PATCH", repoPath() + "/pulls/" + pullRequest.number(), body).body());
    }

    /**
     * Adds the repository's labels of these names, keeping any already there.
     *
     * @throws ApiException naming the labels the repository does not have (nothing is added then)
     */
    @Override
    public void addLabels(PullRequest pullRequest, List<String> labels) throws ApiException {
        Map<String, Long> ids = new HashMap<>();
        for (Optional<String> page = Optional.of(repoPath() + "/labels?page=1&limit=" + PAGE_SIZE); page.isPresent(); ) {
            ApiResponse response = api.get(page.get());
            for (JsonNode label : response.body()) {
                ids.putIfAbsent(label.path("name").asText(), label.path("id").asLong());
            }
            page = response.nextLink();
        }
        List<Long> wanted = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String label : labels) {
            if (ids.containsKey(label)) {
                wanted.add(ids.get(label));
            } else {
                missing.add("'" + label + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new ApiException(404, "Gitea repository " + owner + "/" + repo + " has no label " + String.join(", ", missing)
                    + "; create it there (Issues → Labels) or remove it from the environment's labels");
        }
        api.send("POST", repoPath() + "/issues/" + pullRequest.number() + "/labels", Map.of("labels", wanted));
    }

    /**
     * Asks users, and teams written {@code org/team} where {@code org} is the repository's owner; those already
     * asked stay asked.
     *
     * @throws ApiException if a team belongs to another organization, or if Gitea refuses a reviewer (unknown, or
     *     the pull request's author, who cannot review their own)
     */
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
                throw new ApiException(0, "Gitea can ask only teams of " + owner + ", the repository's owner, not '" + reviewer
                        + "'; write it " + owner + "/TEAM or list its members");
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reviewers", users);
        body.put("team_reviewers", teams);
        api.send("POST", repoPath() + "/pulls/" + pullRequest.number() + "/requested_reviewers", body);
    }

    @Override
    public boolean supportsAutoMerge() {
        return true;
    }

    /**
     * Merges the pull request once its required checks succeed ({@code merge_when_checks_succeed}), in the
     * repository's default merge style; Gitea merges it at once if they already have.
     *
     * @throws ApiException if Gitea refuses (not allowed to merge, not mergeable, a conflict)
     */
    @Override
    public void enableAutoMerge(PullRequest pullRequest, PullRequestDraft draft) throws ApiException {
        // The repository's default style is one it allows: a scheduled merge in a style it does not allow would
        // fail later, where nobody sees it.
        String style = api.get(repoPath()).body().path("default_merge_style").asText("");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Do", style.isBlank() ? "merge" : style);
        body.put("merge_when_checks_succeed", true);
        try {
            ShortRetry.run(retry, e -> e.status() == 405 && e.getMessage().contains(TRY_AGAIN_LATER),
                    () -> api.send("POST", repoPath() + "/pulls/" + pullRequest.number() + "/merge", body));
        } catch (ApiException e) {
            // Every promotion asks again; Gitea answers 409 to a second scheduling, which is what we want already.
            if (e.status() == 409 && e.getMessage().contains("already scheduled to auto merge")) {
                return;
            }
            if (e.status() == 405 && e.getMessage().contains(TRY_AGAIN_LATER)) {
                throw new ApiException(405, "Gitea was still checking " + pullRequest.url() + " after " + ShortRetry.totalSeconds()
                        + " s, or it has conflicts; the next promotion sets auto-merge again; " + e.getMessage());
            }
            throw e;
        }
    }

    /**
     * {@code GET /repos/{owner}/{repo}/commits/{ref}/statuses}, recently updated first, one page of 50; Gitea calls the
     * state {@code status}, and its {@code warning} does not fail.
     */
    @Override
    public List<CommitStatus> commitStatuses(String sha) throws ApiException {
        List<CommitStatus> statuses = new ArrayList<>();
        for (JsonNode status : api.get(repoPath() + "/commits/" + CommitStatus.commit(sha) + "/statuses?sort=recentupdate&page=1&limit="
                + PAGE_SIZE).body()) {
            statuses.add(CommitStatus.ofContext(status, "status", state -> switch (state) {
                case "success", "warning" -> CommitStatus.State.SUCCESS;
                case "failure" -> CommitStatus.State.FAILURE;
                case "error" -> CommitStatus.State.ERROR;
                default -> CommitStatus.State.PENDING;
            }));
        }
        return statuses;
    }

    private String repoPath() {
        return "repos/" + encode(owner) + "/" + encode(repo);
    }

    private static PullRequest pullRequest(JsonNode pull) {
        return new PullRequest(pull.path("number").asLong(), pull.path("html_url").asText(), pull.path("id").asText());
    }

    /** {@code message}, with the details Gitea lists under {@code errors} (a 404 names what was missing there). */
    static Optional<String> errorMessage(JsonNode body) {
        if (!body.hasNonNull("message") || body.get("message").asText().isBlank()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder(body.get("message").asText());
        for (JsonNode error : body.path("errors")) {
            message.append("; ").append(error.asText());
        }
        return Optional.of(message.toString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
