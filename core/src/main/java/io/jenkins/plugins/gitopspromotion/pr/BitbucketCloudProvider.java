package io.jenkins.plugins.gitopspromotion.pr;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Bitbucket Cloud (bitbucket.org), through REST API 2.0 ({@code /repositories/{workspace}/{repo_slug}/pullrequests}):
 * the open pull request of a branch is found with a filter query on its source and destination branches, opened
 * with POST and updated with PUT. The token is a repository, project or workspace access token, sent as
 * {@code Authorization: Bearer}.
 *
 * <p>What Bitbucket Cloud lacks, and what this class does instead:
 * <ul>
 *   <li>Labels: Bitbucket Cloud pull requests have none, so {@link #addLabels} does nothing (an environment's
 *       {@code labels} are ignored here).</li>
 *   <li>Auto-merge: the REST API cannot set a pull request to merge by itself once its checks pass, so
 *       {@link #supportsAutoMerge()} is false and {@link #enableAutoMerge} refuses (set {@code autoMerge: false}).</li>
 *   <li>Reviewers by name: Bitbucket Cloud identifies people by Atlassian account id or by {@code {uuid}} only, so
 *       reviewers are written that way; teams cannot be asked (list their members instead).</li>
 * </ul>
 */
public final class BitbucketCloudProvider implements PullRequestProvider {

    private final ApiClient api;
    private final String workspace;
    private final String repoSlug;

    /**
     * @param settings the API URL ({@code https://api.bitbucket.org/2.0}) and {@code workspace/repo_slug}
     * @param retry how long to wait out rate limits and outages
     * @param http the HTTP client
     * @param clock the time, for rate-limit reset headers
     */
    public BitbucketCloudProvider(ProviderSettings settings, RetryPolicy retry, HttpClient http, Clock clock) {
        this.api = new ApiClient("Bitbucket Cloud", settings.apiUrl(), settings.token(), token -> "Bearer " + token,
                BitbucketCloudProvider::errorMessage, retry, http, clock);
        String[] parts = settings.projectParts(2, "workspace/repo_slug");
        this.workspace = parts[0];
        this.repoSlug = parts[1];
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.BITBUCKET;
    }

    @Override
    public Optional<PullRequest> findOpen(String head, String base) throws ApiException {
        String query = "source.branch.name=" + quote(head) + " AND destination.branch.name=" + quote(base);
        Optional<String> page = Optional.of(pullRequestsPath() + "?state=OPEN&q=" + encode(query));
        while (page.isPresent()) {
            JsonNode answer = api.get(page.get()).body();
            for (JsonNode pull : answer.path("values")) {
                // The filter should return only open matches; checking again costs nothing and guards against a
                // query or state filter the server read differently (a merged one must not be updated).
                if ("OPEN".equals(pull.path("state").asText()) && head.equals(pull.path("source").path("branch").path("name").asText())
                        && base.equals(pull.path("destination").path("branch").path("name").asText())) {
                    return Optional.of(pullRequest(pull));
                }
            }
            // Bitbucket pages with a "next" URL in the body, not with a Link header; the last page has none.
            page = Optional.ofNullable(answer.path("next").textValue()).filter(next -> !next.isBlank());
        }
        return Optional.empty();
    }

    /**
     * {@code GET .../pullrequests?state=DECLINED} with the same filter as {@link #findOpen}, last updated first; the head is
     * {@code source.commit.hash}, which Bitbucket abbreviates to 12 hex digits.
     */
    @Override
    public List<ClosedPullRequest> findClosed(String head, String base) throws ApiException {
        String query = "source.branch.name=" + quote(head) + " AND destination.branch.name=" + quote(base);
        List<ClosedPullRequest> closed = new ArrayList<>();
        for (JsonNode pull : api.get(pullRequestsPath() + "?state=DECLINED&sort=-updated_on&q=" + encode(query)).body()
                .path("values")) {
            if ("DECLINED".equals(pull.path("state").asText()) && head.equals(pull.path("source").path("branch").path("name").asText())
                    && base.equals(pull.path("destination").path("branch").path("name").asText())) {
                closed.add(new ClosedPullRequest(pullRequest(pull), CommitStatus.text(pull.path("source").path("commit"), "hash")));
            }
        }
        return closed;
    }

    /** {@code GET .../pullrequests/{pull_request_id}}: {@code summary.raw}. */
    @Override
    public String description(PullRequest pullRequest) throws ApiException {
        return description(get(pullRequest)).orElse("");
    }

    /** {@code POST .../pullrequests/{pull_request_id}/comments} with {@code content.raw}. */
    @Override
    public void comment(PullRequest pullRequest, String text) throws ApiException {
        api.send("POST", pullRequestsPath() + "/" + pullRequest.number() + "/comments", Map.of("content", Map.of("raw", text)));
    }

    /** {@code POST .../pullrequests/{pull_request_id}/decline}, which takes no body. */
    @Override
    public void close(PullRequest pullRequest) throws ApiException {
        api.send("POST", pullRequestsPath() + "/" + pullRequest.number() + "/decline", null);
    }

    @Override
    public PullRequest create(PullRequestDraft draft) throws ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", draft.title());
        body.put("description", draft.body());
        body.put("source", branch(draft.head()));
        body.put("destination", branch(draft.base()));
        // The promotion branch is spent once merged; the next promotion pushes it afresh.
        body.put("close_source_branch", true);
        return pullRequest(api.send("POST", pullRequestsPath(), body).body());
    }

    @Override
    public PullRequest update(PullRequest pullRequest, PullRequestDraft draft) throws ApiException {
        JsonNode current = get(pullRequest);
        return pullRequest(put(pullRequest, current, draft.title(), Optional.of(draft.body()), reviewers(current)));
    }

    /** False: Bitbucket Cloud's Markdown escapes HTML, so a comment shows as text ("Markdown syntax guide"). */
    @Override
    public boolean hidesHtmlComments() {
        return false;
    }

    /** Does nothing: Bitbucket Cloud pull requests have no labels. */
    @Override
    public void addLabels(PullRequest pullRequest, List<String> labels) {
        // Nothing to do: there is no such thing on Bitbucket Cloud, and failing would block every promotion.
    }

    /**
     * Adds reviewers, each written as an Atlassian account id (e.g. {@code 557058:c0b3...}) or as a {@code {uuid}};
     * those already asked are kept.
     *
     * @throws ApiException if a reviewer is written {@code org/team}, which Bitbucket Cloud cannot ask, or if
     *     Bitbucket refuses one (not a member of the workspace, or the pull request's author)
     */
    @Override
    public void requestReviewers(PullRequest pullRequest, List<String> reviewers) throws ApiException {
        for (String reviewer : reviewers) {
            if (reviewer.contains("/")) {
                throw new ApiException(0, "Bitbucket Cloud cannot ask a team ('" + reviewer + "') for review; list its"
                        + " members by account id or {uuid}");
            }
        }
        JsonNode current = get(pullRequest);
        List<Map<String, String>> merged = reviewers(current);
        boolean added = false;
        for (String reviewer : reviewers) {
            Map<String, String> reference = reviewer.startsWith("{") ? Map.of("uuid", reviewer) : Map.of("account_id", reviewer);
            if (!asked(current, reviewer) && !merged.contains(reference)) {
                merged.add(reference);
                added = true;
            }
        }
        if (added) {
            put(pullRequest, current, current.path("title").asText(), description(current), merged);
        }
    }

    private JsonNode get(PullRequest pullRequest) throws ApiException {
        return api.get(pullRequestsPath() + "/" + pullRequest.number()).body();
    }

    /**
     * The description as the pull request has it: the reference defines it as {@code summary.raw} (the
     * {@code description} some answers also carry is not in the reference); empty when neither is there, so that
     * nothing is sent rather than a blank that would erase it.
     */
    private static Optional<String> description(JsonNode pull) {
        return Optional.ofNullable(pull.path("summary").path("raw").textValue())
                .or(() -> Optional.ofNullable(pull.path("description").textValue()));
    }

    /**
     * PUT writes the whole pull request: Bitbucket has been seen to clear what a body leaves out (the reviewers,
     * the description), and it requires the title. So every field it may clear is sent, as it is unless changed;
     * a description that could not be read is left out rather than sent blank.
     */
    private JsonNode put(PullRequest pullRequest, JsonNode current, String title, Optional<String> description,
            List<Map<String, String>> reviewers) throws ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        description.ifPresent(text -> body.put("description", text));
        body.put("reviewers", reviewers);
        body.put("close_source_branch", current.path("close_source_branch").asBoolean(true));
        return api.send("PUT", pullRequestsPath() + "/" + pullRequest.number(), body).body();
    }

    /** The reviewers a pull request has, as references Bitbucket accepts back ({@code uuid}, else {@code account_id}). */
    private static List<Map<String, String>> reviewers(JsonNode pull) {
        List<Map<String, String>> references = new ArrayList<>();
        for (JsonNode reviewer : pull.path("reviewers")) {
            if (reviewer.hasNonNull("uuid")) {
                references.add(Map.of("uuid", reviewer.get("uuid").asText()));
            } else if (reviewer.hasNonNull("account_id")) {
                references.add(Map.of("account_id", reviewer.get("account_id").asText()));
            }
        }
        return references;
    }

    /** Whether a reviewer, by account id or {@code {uuid}}, is already among the pull request's reviewers. */
    private static boolean asked(JsonNode pull, String reviewer) {
        return StreamSupport.stream(pull.path("reviewers").spliterator(), false).anyMatch(r ->
                reviewer.equalsIgnoreCase(r.path("uuid").asText()) || reviewer.equals(r.path("account_id").asText()));
    }

    /**
     * {@code GET /repositories/{workspace}/{repo_slug}/commit/{commit}/statuses}, last updated first, one page of 100.
     * Flux keys its status by a hash of its id and names it {@code kustomization/<name>}.
     */
    @Override
    public List<CommitStatus> commitStatuses(String sha) throws ApiException {
        List<CommitStatus> statuses = new ArrayList<>();
        for (JsonNode status : api.get("repositories/" + encode(workspace) + "/" + encode(repoSlug) + "/commit/"
                + CommitStatus.commit(sha) + "/statuses?sort=-updated_on&pagelen=100").body().path("values")) {
            statuses.add(new CommitStatus(CommitStatus.text(status, "name"), CommitStatus.text(status, "key"),
                    bitbucketState(CommitStatus.text(status, "state")), CommitStatus.text(status, "description"),
                    CommitStatus.text(status, "url"), CommitStatus.text(status, "updated_on")));
        }
        return statuses;
    }

    /** Bitbucket's build states (Cloud and Data Center) on the common scale. */
    static CommitStatus.State bitbucketState(String state) {
        return switch (state) {
            case "SUCCESSFUL" -> CommitStatus.State.SUCCESS;
            case "FAILED" -> CommitStatus.State.FAILURE;
            case "STOPPED", "CANCELLED" -> CommitStatus.State.ERROR;
            default -> CommitStatus.State.PENDING;
        };
    }

    private String pullRequestsPath() {
        return "repositories/" + encode(workspace) + "/" + encode(repoSlug) + "/pullrequests";
    }

    private static Map<String, Object> branch(String name) {
        return Map.of("branch", Map.of("name", name));
    }

    private static PullRequest pullRequest(JsonNode pull) {
        long id = pull.path("id").asLong();
        return new PullRequest(id, pull.path("links").path("html").path("href").asText(), Long.toString(id));
    }

    /** {@code error.message}, with {@code error.detail} (text, or an object such as the scopes granted and required). */
    static Optional<String> errorMessage(JsonNode body) {
        JsonNode error = body.path("error");
        if (!error.hasNonNull("message")) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder(error.get("message").asText());
        JsonNode detail = error.path("detail");
        if (detail.isTextual() && !detail.asText().isBlank()) {
            message.append("; ").append(detail.asText());
        } else if (detail.isObject()) {
            for (Map.Entry<String, JsonNode> field : detail.properties()) {
                message.append("; ").append(field.getKey()).append(": ").append(field.getValue().isArray()
                        ? StreamSupport.stream(field.getValue().spliterator(), false).map(JsonNode::asText)
                                .collect(Collectors.joining(", "))
                        : field.getValue().asText());
            }
        }
        return Optional.of(message.toString());
    }

    /** A string literal of Bitbucket's filter language. */
    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
