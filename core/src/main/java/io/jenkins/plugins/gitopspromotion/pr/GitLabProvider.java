package io.jenkins.plugins.gitopspromotion.pr;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GitLab (gitlab.com and self-managed) merge requests, through the REST API v4: {@code /projects/:id/merge_requests}
 * to find, open and update one, {@code add_labels} and {@code reviewer_ids} on the update endpoint for labels and
 * reviewers, and {@code PUT .../merge} with {@code auto_merge} for auto-merge. The project is addressed by its
 * URL-encoded path ({@code group%2Fsubgroup%2Fname}) or numeric id, and the token goes in {@code Authorization:
 * Bearer}, which GitLab accepts for personal, project and group access tokens as well as OAuth tokens.
 *
 * <p>What GitLab itself limits: reviewers are users (GitLab has no group reviewers, so {@code org/team} entries are
 * refused), and GitLab Free keeps a single reviewer per merge request (several are a Premium feature). Label
 * names cannot contain a comma, since the API takes them as a comma-separated list. Auto-merge merges at once
 * when the merge request is already mergeable and nothing is left to wait for (no pipeline, say), as the web UI's
 * button does.
 */
public final class GitLabProvider implements PullRequestProvider {

    private final ApiClient api;
    private final RetryPolicy retry;
    private final String mergeRequests;
    private final String commits;

    /**
     * @param settings the API URL ({@code https://gitlab.com/api/v4}, or {@code https://HOST/api/v4}) and the
     *     project's path {@code group/subgroup/name} (or its numeric id)
     */
    public GitLabProvider(ProviderSettings settings, RetryPolicy retry, HttpClient http, Clock clock) {
        this.api = new ApiClient("GitLab", settings.apiUrl(), settings.token(), token -> "Bearer " + token,
                GitLabProvider::errorMessage, retry, http, clock);
        this.retry = retry;
        String project = settings.project().strip().replaceAll("^/+|/+$", "");
        if (!project.matches("\\d+") && (!project.contains("/") || project.contains("//"))) {
            throw new IllegalArgumentException("a GitLab project is named group/name or group/subgroup/name (or given by"
                    + " its numeric id), not '" + settings.project() + "'");
        }
        this.mergeRequests = "projects/" + encode(project) + "/merge_requests";
        this.commits = "projects/" + encode(project) + "/repository/commits/";
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.GITLAB;
    }

    @Override
    public Optional<PullRequest> findOpen(String head, String base) throws ApiException {
        String first = mergeRequests + "?state=opened&source_branch=" + encode(head) + "&target_branch=" + encode(base)
                + "&per_page=100";
        for (Optional<String> page = Optional.of(first); page.isPresent(); ) {
            ApiResponse response = api.get(page.get());
            for (JsonNode mr : response.body()) {
                // A fork's merge request can have the same branch name; ours comes from the project itself.
                if (head.equals(mr.path("source_branch").asText()) && base.equals(mr.path("target_branch").asText())
                        && mr.path("source_project_id").asLong() == mr.path("target_project_id").asLong()) {
                    return Optional.of(pullRequest(mr));
                }
            }
            page = response.nextLink().or(() -> response.headers().firstValue("x-next-page").map(String::strip)
                    .filter(next -> !next.isEmpty()).map(next -> first + "&page=" + next));
        }
        return Optional.empty();
    }

    /**
     * {@code GET /projects/:id/merge_requests?state=closed}: GitLab's {@code closed} is closed without merging (a merged
     * one is {@code merged}); {@code sha} is the head it was at.
     */
    @Override
    public List<ClosedPullRequest> findClosed(String head, String base) throws ApiException {
        List<ClosedPullRequest> closed = new ArrayList<>();
        for (JsonNode mr : api.get(mergeRequests + "?state=closed&source_branch=" + encode(head) + "&target_branch=" + encode(base)
                + "&order_by=updated_at&sort=desc&per_page=100").body()) {
            if (head.equals(mr.path("source_branch").asText()) && base.equals(mr.path("target_branch").asText())
                    && "closed".equals(mr.path("state").asText())
                    && mr.path("source_project_id").asLong() == mr.path("target_project_id").asLong()) {
                closed.add(new ClosedPullRequest(pullRequest(mr), CommitStatus.text(mr, "sha")));
            }
        }
        return closed;
    }

    /** {@code GET /projects/:id/merge_requests/:iid}: its {@code description}. */
    @Override
    public String description(PullRequest pullRequest) throws ApiException {
        return CommitStatus.text(api.get(mergeRequest(pullRequest)).body(), "description");
    }

    /** {@code POST /projects/:id/merge_requests/:iid/notes}: a comment is a note. */
    @Override
    public void comment(PullRequest pullRequest, String text) throws ApiException {
        api.send("POST", mergeRequest(pullRequest) + "/notes", Map.of("body", text));
    }

    /** {@code PUT /projects/:id/merge_requests/:iid} with {@code state_event: close}. */
    @Override
    public void close(PullRequest pullRequest) throws ApiException {
        api.send("PUT", mergeRequest(pullRequest), Map.of("state_event", "close"));
    }

    /**
     * {@code GET /projects/:id/repository/commits/:sha/statuses}: without {@code all}, the latest status of each name;
     * one page of 100. GitLab's {@code running}, {@code created} and {@code pending} are pending, {@code canceled} and
     * {@code skipped} an error.
     */
    @Override
    public List<CommitStatus> commitStatuses(String sha) throws ApiException {
        List<CommitStatus> statuses = new ArrayList<>();
        for (JsonNode status : api.get(commits + CommitStatus.commit(sha) + "/statuses?per_page=100").body()) {
            String name = CommitStatus.text(status, "name");
            String finished = CommitStatus.text(status, "finished_at");
            String started = CommitStatus.text(status, "started_at");
            statuses.add(new CommitStatus(name, name, switch (CommitStatus.text(status, "status")) {
                case "success" -> CommitStatus.State.SUCCESS;
                case "failed" -> CommitStatus.State.FAILURE;
                case "canceled", "skipped" -> CommitStatus.State.ERROR;
                default -> CommitStatus.State.PENDING;
            }, CommitStatus.text(status, "description"), CommitStatus.text(status, "target_url"),
                    !finished.isEmpty() ? finished : !started.isEmpty() ? started : CommitStatus.text(status, "created_at")));
        }
        return statuses;
    }

    @Override
    public PullRequest create(PullRequestDraft draft) throws ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source_branch", draft.head());
        body.put("target_branch", draft.base());
        body.put("title", draft.title());
        body.put("description", draft.body());
        // The promotion branch has no use once merged; the API does not apply the project's default.
        body.put("remove_source_branch", true);
        return pullRequest(api.send("POST", mergeRequests, body).body());
    }

    @Override
    public PullRequest update(PullRequest pullRequest, PullRequestDraft draft) throws ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", draft.title());
        body.put("description", draft.body());
        return pullRequest(api.send("PUT", mergeRequest(pullRequest), body).body());
    }

    /** {@code add_labels} keeps the labels already there and creates project labels that do not exist yet. */
    @Override
    public void addLabels(PullRequest pullRequest, List<String> labels) throws ApiException {
        for (String label : labels) {
            if (label.contains(",")) {
                throw new ApiException(0, "GitLab takes labels as a comma-separated list, so the label '" + label
                        + "' cannot be set; rename it");
            }
        }
        api.send("PUT", mergeRequest(pullRequest), Map.of("add_labels", String.join(",", labels)));
    }

    /**
     * Looks up each user's id ({@code GET /users?username=}), then sets {@code reviewer_ids} to the reviewers
     * already asked plus these, since the API replaces the list rather than adding to it.
     */
    @Override
    public void requestReviewers(PullRequest pullRequest, List<String> reviewers) throws ApiException {
        List<Long> wanted = new ArrayList<>();
        for (String reviewer : reviewers) {
            if (reviewer.contains("/")) {
                throw new ApiException(0, "GitLab asks users for review, not groups: '" + reviewer
                        + "' cannot be a reviewer of " + pullRequest.url() + "; name the users instead");
            }
            JsonNode users = api.get("users?username=" + encode(reviewer)).body();
            if (users.isEmpty()) {
                throw new ApiException(404, "GitLab has no user '" + reviewer + "' to ask for review of "
                        + pullRequest.url() + "; check the reviewers of this environment");
            }
            wanted.add(users.get(0).path("id").asLong());
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (JsonNode existing : api.get(mergeRequest(pullRequest)).body().path("reviewers")) {
            ids.add(existing.path("id").asLong());
        }
        if (ids.addAll(wanted)) {
            api.send("PUT", mergeRequest(pullRequest), Map.of("reviewer_ids", List.copyOf(ids)));
        }
    }

    @Override
    public boolean supportsAutoMerge() {
        return true;
    }

    /**
     * {@code PUT .../merge} with {@code auto_merge} (GitLab 17.11 and later) and its deprecated former name
     * {@code merge_when_pipeline_succeeds} (earlier versions), which GitLab reads as one switch (an earlier version
     * that ignored {@code auto_merge} would otherwise merge at once), and the merge request's {@code sha}, which
     * GitLab 19.2 and later require where a group says so, and which keeps a newer push from merging unseen. A 405
     * right after the merge request was opened or pushed to (its mergeability not checked yet) is tried again for a
     * few seconds.
     */
    @Override
    public void enableAutoMerge(PullRequest pullRequest, PullRequestDraft draft) throws ApiException {
        try {
            ShortRetry.run(retry, e -> e.status() == 405, () -> merge(pullRequest));
        } catch (ApiException e) {
            // The merge endpoint gives these two their own meaning (docs: "Merge a merge request").
            String why = switch (e.status()) {
                case 401 -> "the token's user may not merge into " + draft.base();
                case 405 -> "it cannot merge yet and has nothing to wait for (a draft, conflicts, a failed pipeline,"
                        + " missing approvals), still after " + ShortRetry.totalSeconds() + " s";
                default -> null;
            };
            if (why == null) {
                throw e;
            }
            throw new ApiException(e.status(), "GitLab would not set " + pullRequest.url() + " to auto-merge: " + why
                    + "; " + e.getMessage());
        }
    }

    /** One try: nothing to do if it is merged or set already (a previous answer lost, say), else the merge request. */
    private void merge(PullRequest pullRequest) throws ApiException {
        JsonNode current = api.get(mergeRequest(pullRequest)).body();
        if (mergedOrSet(current)) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("auto_merge", true);
        body.put("merge_when_pipeline_succeeds", true);
        body.put("sha", current.path("sha").asText());
        try {
            // Never repeated blindly: a second request after one that took effect is refused with a 405.
            api.sendOnce("PUT", mergeRequest(pullRequest) + "/merge", body, Map.of());
        } catch (ApiException e) {
            boolean mayHaveTakenEffect = e.status() == 0 || e.status() >= 500;
            if (!mayHaveTakenEffect || !mergedOrSet(api.get(mergeRequest(pullRequest)).body())) {
                throw e;
            }
        }
    }

    /** Merged, or set to auto-merge ({@code merge_when_pipeline_succeeds} is GitLab's name for "auto-merge is on"). */
    private static boolean mergedOrSet(JsonNode mergeRequest) {
        return "merged".equals(mergeRequest.path("state").asText()) || mergeRequest.path("merge_when_pipeline_succeeds").asBoolean();
    }

    private String mergeRequest(PullRequest pullRequest) {
        return mergeRequests + "/" + pullRequest.number();
    }

    /** Number = iid (the {@code !12} people see), id = the instance-wide id. */
    private static PullRequest pullRequest(JsonNode mr) {
        return new PullRequest(mr.path("iid").asLong(), mr.path("web_url").asText(), mr.path("id").asText());
    }

    /**
     * GitLab's error bodies: {@code message} as a string, an array, or an object of field errors
     * ({@code {"title": ["can't be blank"]}}); or an OAuth-style {@code error} with {@code error_description}
     * and, for a token lacking a scope, the {@code scope} it needs.
     */
    static Optional<String> errorMessage(JsonNode body) {
        if (body.hasNonNull("message")) {
            return Optional.of(describe(body.get("message"))).filter(m -> !m.isBlank());
        }
        if (!body.hasNonNull("error")) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder(describe(body.get("error")));
        if (body.hasNonNull("error_description")) {
            message.append(": ").append(body.get("error_description").asText());
        }
        if (body.hasNonNull("scope")) {
            message.append(" (it needs the scope ").append(body.get("scope").asText().replace(" ", " or ")).append(')');
        }
        return Optional.of(message.toString());
    }

    private static String describe(JsonNode node) {
        List<String> parts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> parts.add(describe(item)));
        } else if (node.isObject()) {
            // Field errors read as "title can't be blank"; "base" and "error" hold whole sentences.
            node.properties().forEach(field -> parts.add(Set.of("base", "error", "message").contains(field.getKey())
                    ? describe(field.getValue()) : field.getKey() + " " + describe(field.getValue())));
        } else {
            return node.asText();
        }
        return String.join("; ", parts);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
