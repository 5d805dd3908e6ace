package io.jenkins.plugins.gitopspromotion.pr;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Bitbucket Data Center (formerly Bitbucket Server), through its REST API under {@code /rest/api/latest}: pull
 * requests are listed ({@code GET .../pull-requests?state=OPEN&direction=OUTGOING&at=refs/heads/BRANCH}, paged by
 * {@code start}/{@code nextPageStart}), created ({@code POST .../pull-requests}) and updated
 * ({@code PUT .../pull-requests/{id}}). The token is an HTTP access token, sent as {@code Bearer}.
 *
 * <p>An update must carry the pull request's current {@code version} (a stale one is refused with 409), and it
 * replaces the reviewer list; so {@link #update} and {@link #requestReviewers} first read the pull request, then
 * send back its version and its reviewers (plus the new ones).
 *
 * <p>Not supported, on purpose:
 * <ul>
 *   <li><b>Labels</b>: Data Center has no pull request labels (its labels are on repositories), so
 *       {@link #addLabels} does nothing.</li>
 *   <li><b>Auto-merge</b>: recent versions can set it through the merge endpoint, but on a version without it
 *       that same request merges at once, and project or repository access tokens cannot merge at all; so
 *       {@link #supportsAutoMerge()} is false and {@code autoMerge: true} is refused.</li>
 * </ul>
 * Reviewers are user names or slugs (a slug is looked up for its user name); there are no team reviewers.
 */
public final class BitbucketServerProvider implements PullRequestProvider {

    private final ApiClient api;
    private final String projectKey;
    private final String repositorySlug;

    /**
     * @param settings the API URL ({@code https://HOST[/CONTEXT]/rest/api/latest}) and {@code PROJECTKEY/repo-slug}
     */
    public BitbucketServerProvider(ProviderSettings settings, RetryPolicy retry, HttpClient http, Clock clock) {
        this.api = new ApiClient("Bitbucket Data Center", settings.apiUrl(), settings.token(), token -> "Bearer " + token,
                BitbucketServerProvider::errorMessage, retry, http, clock);
        String[] parts = settings.projectParts(2, "PROJECTKEY/repo-slug");
        this.projectKey = parts[0];
        this.repositorySlug = parts[1];
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.BITBUCKET_SERVER;
    }

    @Override
    public Optional<PullRequest> findOpen(String head, String base) throws ApiException {
        // OUTGOING with at=: pull requests from this repository's head branch, whatever their target.
        String query = pullRequestsPath() + "?state=OPEN&direction=OUTGOING&at=" + encode("refs/heads/" + head);
        for (String page = query; page != null; ) {
            JsonNode body = api.get(page).body();
            for (JsonNode pull : body.path("values")) {
                if (("refs/heads/" + head).equals(pull.path("fromRef").path("id").asText())
                        && ("refs/heads/" + base).equals(pull.path("toRef").path("id").asText())) {
                    return Optional.of(pullRequest(pull));
                }
            }
            boolean last = body.path("isLastPage").asBoolean(true) || !body.hasNonNull("nextPageStart");
            page = last ? null : query + "&start=" + body.get("nextPageStart").asInt();
        }
        return Optional.empty();
    }

    /**
     * {@code GET .../pull-requests?state=DECLINED&direction=OUTGOING&at=refs/heads/BRANCH&order=NEWEST}, one page; the head is
     * {@code fromRef.latestCommit}.
     */
    @Override
    public List<ClosedPullRequest> findClosed(String head, String base) throws ApiException {
        List<ClosedPullRequest> closed = new ArrayList<>();
        for (JsonNode pull : api.get(pullRequestsPath() + "?state=DECLINED&direction=OUTGOING&order=NEWEST&at="
                + encode("refs/heads/" + head)).body().path("values")) {
            if (("refs/heads/" + head).equals(pull.path("fromRef").path("id").asText())
                    && ("refs/heads/" + base).equals(pull.path("toRef").path("id").asText())) {
                closed.add(new ClosedPullRequest(pullRequest(pull), CommitStatus.text(pull.path("fromRef"), "latestCommit")));
            }
        }
        return closed;
    }

    /** {@code GET .../pull-requests/{pullRequestId}}: its {@code description}, absent when empty. */
    @Override
    public String description(PullRequest pullRequest) throws ApiException {
        return CommitStatus.text(api.get(pullRequestPath(pullRequest)).body(), "description");
    }

    /** {@code POST .../pull-requests/{pullRequestId}/comments} with {@code text}. */
    @Override
    public void comment(PullRequest pullRequest, String text) throws ApiException {
        api.send("POST", pullRequestPath(pullRequest) + "/comments", Map.of("text", text));
    }

    /**
     * {@code POST .../pull-requests/{pullRequestId}/decline?version=N} with the version just read: a pull request changed
     * in between is refused with 409, and the next clean-up tries again.
     */
    @Override
    public void close(PullRequest pullRequest) throws ApiException {
        int version = api.get(pullRequestPath(pullRequest)).body().path("version").asInt();
        api.send("POST", pullRequestPath(pullRequest) + "/decline?version=" + version, Map.of("version", version));
    }

    @Override
    public PullRequest create(PullRequestDraft draft) throws ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", draft.title());
        body.put("description", draft.body());
        body.put("fromRef", Map.of("id", "refs/heads/" + draft.head()));
        body.put("toRef", Map.of("id", "refs/heads/" + draft.base()));
        return pullRequest(api.send("POST", pullRequestsPath(), body).body());
    }

    @Override
    public PullRequest update(PullRequest pullRequest, PullRequestDraft draft) throws ApiException {
        JsonNode current = api.get(pullRequestPath(pullRequest)).body();
        return put(pullRequest, current, draft.title(), draft.body(), reviewerNames(current));
    }

    /** False: Bitbucket Data Center's Markdown escapes HTML, so a comment shows as text ("Markdown syntax guide"). */
    @Override
    public boolean hidesHtmlComments() {
        return false;
    }

    /** Does nothing: Bitbucket Data Center pull requests have no labels. */
    @Override
    public void addLabels(PullRequest pullRequest, List<String> labels) {
        // Nothing to call: labels in Data Center belong to repositories, not pull requests.
    }

    /**
     * Adds the users (by user name or slug) to the pull request's reviewers, keeping those already there; the
     * pull request's author is left out, since Bitbucket refuses authors as reviewers. Nothing is sent when all
     * of them are reviewers already. The PUT names reviewers by user name ({@code {"user": {"name": ...}}}), which
     * can differ from the slug ({@code John.Doe@example.com} and {@code john.doe_example.com}), so a slug is turned
     * into its user's name first.
     */
    @Override
    public void requestReviewers(PullRequest pullRequest, List<String> reviewers) throws ApiException {
        JsonNode current = api.get(pullRequestPath(pullRequest)).body();
        List<String> names = reviewerNames(current);
        int before = names.size();
        for (String reviewer : reviewers) {
            if (asked(current, reviewer)) {
                continue;
            }
            String name = userName(reviewer);
            if (!asked(current, name) && !names.contains(name)) {
                names.add(name);
            }
        }
        if (names.size() > before) {
            put(pullRequest, current, current.path("title").asText(), current.path("description").asText(""), names);
        }
    }

    /** Whether the user, by name or slug, is the pull request's author or one of its reviewers. */
    private static boolean asked(JsonNode pull, String nameOrSlug) {
        boolean known = isUser(pull.path("author").path("user"), nameOrSlug);
        for (JsonNode existing : pull.path("reviewers")) {
            known |= isUser(existing.path("user"), nameOrSlug);
        }
        return known;
    }

    /**
     * The user name of a user given by slug or name: {@code GET users/{userSlug}}; a 404 means it is no slug, so it
     * is taken as a user name (Bitbucket says so on the update if it is neither).
     */
    private String userName(String nameOrSlug) throws ApiException {
        try {
            return Optional.ofNullable(api.get("users/" + encode(nameOrSlug)).body().path("name").textValue()).orElse(nameOrSlug);
        } catch (ApiException e) {
            if (e.status() == 404) {
                return nameOrSlug;
            }
            throw e;
        }
    }

    /** The update: PUT needs the current version, and replaces title, description and the whole reviewer list. */
    private PullRequest put(PullRequest pullRequest, JsonNode current, String title, String description, List<String> reviewers)
            throws ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", current.path("version").asInt());
        body.put("title", title);
        body.put("description", description);
        body.put("reviewers", reviewers.stream().map(name -> Map.of("user", Map.of("name", name))).toList());
        return pullRequest(api.send("PUT", pullRequestPath(pullRequest), body).body());
    }

    private static List<String> reviewerNames(JsonNode pull) {
        List<String> names = new ArrayList<>();
        for (JsonNode reviewer : pull.path("reviewers")) {
            names.add(reviewer.path("user").path("name").asText());
        }
        return names;
    }

    private static boolean isUser(JsonNode user, String nameOrSlug) {
        return nameOrSlug.equalsIgnoreCase(user.path("name").asText()) || nameOrSlug.toLowerCase(Locale.ROOT)
                .equals(user.path("slug").asText());
    }

    /**
     * {@code GET /rest/build-status/latest/commits/{commitId}} (beside the REST API, under the same context path), newest
     * first, one page of 100; {@code dateAdded} is in epoch milliseconds.
     */
    @Override
    public List<CommitStatus> commitStatuses(String sha) throws ApiException {
        String restApi = api.resolve("").toString().replaceAll("/+$", "");
        String buildStatus = restApi.replaceFirst("/rest/api/[^/]+$", "") + "/rest/build-status/latest/commits/"
                + CommitStatus.commit(sha) + "?limit=100";
        List<CommitStatus> statuses = new ArrayList<>();
        for (JsonNode status : api.get(buildStatus).body().path("values")) {
            JsonNode added = status.path("dateAdded");
            statuses.add(new CommitStatus(CommitStatus.text(status, "name"), CommitStatus.text(status, "key"),
                    BitbucketCloudProvider.bitbucketState(CommitStatus.text(status, "state")), CommitStatus.text(status, "description"),
                    CommitStatus.text(status, "url"), added.isNumber() ? java.time.Instant.ofEpochMilli(added.asLong()).toString() : ""));
        }
        return statuses;
    }

    private String pullRequestsPath() {
        return "projects/" + encode(projectKey) + "/repos/" + encode(repositorySlug) + "/pull-requests";
    }

    private String pullRequestPath(PullRequest pullRequest) {
        return pullRequestsPath() + "/" + pullRequest.number();
    }

    private static PullRequest pullRequest(JsonNode pull) {
        long id = pull.path("id").asLong();
        return new PullRequest(id, pull.path("links").path("self").path(0).path("href").asText(), String.valueOf(id));
    }

    /**
     * Every {@code errors[].message}, after its {@code context} if any. Data Center answers 401 both for a bad
     * token and for a valid one lacking a permission ({@code AuthorisationException}); the latter is said, since
     * the fix differs.
     */
    static Optional<String> errorMessage(JsonNode body) {
        List<String> messages = new ArrayList<>();
        boolean notPermitted = false;
        for (JsonNode error : body.path("errors")) {
            if (error.hasNonNull("message")) {
                // A validation error names the field it is about in context.
                messages.add((error.hasNonNull("context") ? error.get("context").asText() + ": " : "")
                        + error.get("message").asText());
            }
            notPermitted |= error.path("exceptionName").asText().endsWith("AuthorisationException");
        }
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        String message = String.join("; ", messages);
        return Optional.of(notPermitted ? message + " (the token is valid but lacks a permission: it needs Repository write)"
                : message);
    }

    /** A path segment or query value; {@code ~} (personal projects, {@code ~USER}) stays as it is. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~");
    }
}
