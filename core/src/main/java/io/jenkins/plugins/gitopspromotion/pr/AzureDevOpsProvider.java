package io.jenkins.plugins.gitopspromotion.pr;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Azure DevOps Services and Server (Azure Repos), through the Git REST API, version 7.1, under
 * {@code /{organization}/{project}/_apis/git/repositories/{repository}}: the open pull request of a branch is found
 * with the {@code searchCriteria} of "Get Pull Requests" (paged with {@code $top} and {@code $skip}), opened with
 * POST and updated with PATCH; labels and reviewers have their own endpoints, and auto-merge is Azure's
 * auto-complete. The token is a personal access token, sent as {@code Authorization: Basic base64(":" + PAT)}.
 *
 * <p>What differs from other providers:
 * <ul>
 *   <li>Reviewers are identity ids (GUIDs) of users, groups or teams, not names; a name is refused with a message
 *       saying how to find the id, since resolving names needs the identity service on another host
 *       ({@code vssps.dev.azure.com}).</li>
 *   <li>Auto-merge is auto-complete: set by the pull request's creator (the token's identity, which opened it), with
 *       the first merge strategy of squash, merge, rebase and rebase-merge that the target branch's "Limit merge
 *       types" policy allows, deleting the promotion branch. It still waits for the branch policies.</li>
 *   <li>A bad token is sometimes answered with 203 and an HTML sign-in page instead of 401; any answer that is not
 *       JSON is reported as a refused token.</li>
 *   <li>Descriptions are kept to 4000 characters by Azure; a longer body is shortened in the middle, keeping its
 *       trailing machine-readable comment.</li>
 *   <li>Azure DevOps Server 2022 and older serve the REST API only up to version 7.0, and refuse 7.1.</li>
 * </ul>
 */
public final class AzureDevOpsProvider implements PullRequestProvider {

    /** The REST API version every request asks for. */
    static final String API_VERSION = "api-version=7.1";
    /** Pull requests asked for per page of "Get Pull Requests". */
    static final int PAGE = 100;
    /** The longest description Azure DevOps keeps ("Pull Requests - Update": up to 4000 characters). */
    static final int MAX_DESCRIPTION = 4000;

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ApiClient api;
    private final String webBase;
    private final String organization;
    private final String project;
    private final String repository;

    /**
     * @param settings the API URL ({@code https://dev.azure.com}, or the server with its path for Azure DevOps Server,
     *     e.g. {@code https://tfs.example.com/tfs}) and {@code organization/project/repository} (on a Server, the
     *     collection takes the organization's place)
     * @param retry how long to wait out rate limits and outages
     * @param http the HTTP client
     * @param clock the time, for rate-limit reset headers
     */
    public AzureDevOpsProvider(ProviderSettings settings, RetryPolicy retry, HttpClient http, Clock clock) {
        // The documented PAT form: Basic authentication with an empty user name and the PAT as password.
        this.api = new ApiClient("Azure DevOps", settings.apiUrl(), settings.token(),
                token -> "Basic " + Base64.getEncoder().encodeToString((":" + token).getBytes(StandardCharsets.UTF_8)),
                AzureDevOpsProvider::errorMessage, retry, http, clock);
        String[] parts = settings.projectParts(3, "organization/project/repository");
        this.organization = parts[0];
        this.project = parts[1];
        this.repository = parts[2];
        this.webBase = settings.apiUrl().toString().replaceAll("/+$", "");
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.AZURE_DEVOPS;
    }

    @Override
    public Optional<PullRequest> findOpen(String head, String base) throws ApiException {
        String source = "refs/heads/" + head;
        String target = "refs/heads/" + base;
        String query = "?searchCriteria.sourceRefName=" + encode(source) + "&searchCriteria.targetRefName=" + encode(target)
                + "&searchCriteria.status=active&$top=" + PAGE;
        for (int skip = 0; ; skip += PAGE) {
            JsonNode page = json("GET", pullRequestsPath() + query + "&$skip=" + skip + "&" + API_VERSION, null);
            for (JsonNode pull : page.path("value")) {
                // The criteria should return only matches; checking again guards against a server that ignored one.
                if (source.equals(pull.path("sourceRefName").asText()) && target.equals(pull.path("targetRefName").asText())
                        && "active".equals(pull.path("status").asText())) {
                    return Optional.of(pullRequest(pull));
                }
            }
            // No next link or total here: a page shorter than asked for is the last.
            if (page.path("value").size() < PAGE) {
                return Optional.empty();
            }
        }
    }

    /**
     * "Get Pull Requests" with {@code searchCriteria.status=abandoned}, one page; the head is
     * {@code lastMergeSourceCommit.commitId}.
     */
    @Override
    public List<ClosedPullRequest> findClosed(String head, String base) throws ApiException {
        String source = "refs/heads/" + head;
        String target = "refs/heads/" + base;
        List<ClosedPullRequest> closed = new ArrayList<>();
        for (JsonNode pull : json("GET", pullRequestsPath() + "?searchCriteria.sourceRefName=" + encode(source)
                + "&searchCriteria.targetRefName=" + encode(target) + "&searchCriteria.status=abandoned&$top=" + PAGE + "&"
                + API_VERSION, null).path("value")) {
            if (source.equals(pull.path("sourceRefName").asText()) && target.equals(pull.path("targetRefName").asText())
                    && "abandoned".equals(pull.path("status").asText())) {
                closed.add(new ClosedPullRequest(pullRequest(pull), CommitStatus.text(pull.path("lastMergeSourceCommit"), "commitId")));
            }
        }
        return closed;
    }

    /** "Pull Requests - Get Pull Request": its whole {@code description} (lists cut it to 400 characters). */
    @Override
    public String description(PullRequest pullRequest) throws ApiException {
        return CommitStatus.text(json("GET", pullRequestPath(pullRequest) + "?" + API_VERSION, null), "description");
    }

    /** "Pull Request Threads - Create": a thread of one text comment, closed, since it asks nothing of anyone. */
    @Override
    public void comment(PullRequest pullRequest, String text) throws ApiException {
        Map<String, Object> comment = new LinkedHashMap<>();
        comment.put("parentCommentId", 0);
        comment.put("content", text);
        comment.put("commentType", "text");
        Map<String, Object> thread = new LinkedHashMap<>();
        thread.put("comments", List.of(comment));
        thread.put("status", "closed");
        json("POST", subresource(pullRequest, "threads") + "?" + API_VERSION, thread);
    }

    /** "Pull Requests - Update" with {@code status: abandoned}. */
    @Override
    public void close(PullRequest pullRequest) throws ApiException {
        json("PATCH", pullRequestPath(pullRequest) + "?" + API_VERSION, Map.of("status", "abandoned"));
    }

    @Override
    public PullRequest create(PullRequestDraft draft) throws ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceRefName", "refs/heads/" + draft.head());
        body.put("targetRefName", "refs/heads/" + draft.base());
        body.put("title", draft.title());
        body.put("description", description(draft.body()));
        return pullRequest(json("POST", pullRequestsPath() + "?" + API_VERSION, body));
    }

    @Override
    public PullRequest update(PullRequest pullRequest, PullRequestDraft draft) throws ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", draft.title());
        body.put("description", description(draft.body()));
        return pullRequest(json("PATCH", pullRequestPath(pullRequest) + "?" + API_VERSION, body));
    }

    /** Adds the labels (Azure calls them tags) the pull request does not have yet. */
    @Override
    public void addLabels(PullRequest pullRequest, List<String> labels) throws ApiException {
        String path = subresource(pullRequest, "labels");
        // Tag names compare without case on Azure DevOps; only missing ones are posted.
        Set<String> present = names(json("GET", path + "?" + API_VERSION, null), "name");
        for (String label : labels) {
            if (present.add(label.toLowerCase(Locale.ROOT))) {
                json("POST", path + "?" + API_VERSION, Map.of("name", label));
            }
        }
    }

    /**
     * Adds reviewers that are not reviewers yet, each an identity id (a GUID) of a user, group or team, with no vote.
     * Reviewers already there are left alone, so their votes stand.
     *
     * @throws ApiException if a reviewer is not a GUID (a name or an e-mail address), or if Azure refuses one
     */
    @Override
    public void requestReviewers(PullRequest pullRequest, List<String> reviewers) throws ApiException {
        for (String reviewer : reviewers) {
            if (!GUID.matcher(reviewer).matches()) {
                throw new ApiException(0, "Azure DevOps asks reviewers by identity id (a GUID), not by name: '" + reviewer
                        + "'; on Azure DevOps Services the id is the value[0].id of GET https://vssps.dev.azure.com/"
                        + organization + "/_apis/identities?searchFilter=General&filterValue=" + encode(reviewer) + "&"
                        + API_VERSION);
            }
        }
        String path = subresource(pullRequest, "reviewers");
        Set<String> present = names(json("GET", path + "?" + API_VERSION, null), "id");
        for (String reviewer : reviewers) {
            if (present.add(reviewer.toLowerCase(Locale.ROOT))) {
                json("PUT", path + "/" + reviewer + "?" + API_VERSION, Map.of("vote", 0));
            }
        }
    }

    /** Azure DevOps auto-complete: the pull request completes by itself once its branch policies pass. */
    @Override
    public boolean supportsAutoMerge() {
        return true;
    }

    /**
     * Sets auto-complete, by the pull request's creator, with a merge strategy the branch allows (see
     * {@link AzureMergeStrategy}), deleting the promotion branch.
     *
     * @throws ApiException if Azure refuses, or the pull request has no creator to set it by
     */
    @Override
    public void enableAutoMerge(PullRequest pullRequest, PullRequestDraft draft) throws ApiException {
        // Auto-complete is set by an identity; the creator is the token's own, which opened the pull request.
        JsonNode current = json("GET", pullRequestPath(pullRequest) + "?" + API_VERSION, null);
        String creator = current.path("createdBy").path("id").asText();
        if (creator.isEmpty()) {
            throw new ApiException(0, "Azure DevOps did not say who created " + pullRequest.url()
                    + ", so auto-complete cannot be set by them");
        }
        Map<String, Object> completion = new LinkedHashMap<>();
        completion.put("mergeStrategy", mergeStrategy(pullRequest, current.path("repository").path("id").asText(), draft.base()));
        completion.put("deleteSourceBranch", true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("autoCompleteSetBy", Map.of("id", creator));
        body.put("completionOptions", completion);
        json("PATCH", pullRequestPath(pullRequest) + "?" + API_VERSION, body);
    }

    /** The strategy the target branch's merge strategy policies allow, by "Policy Configurations - Get". */
    private String mergeStrategy(PullRequest pullRequest, String repositoryId, String base) throws ApiException {
        JsonNode policies = json("GET", segment(organization) + "/" + segment(project) + "/_apis/git/policy/configurations?repositoryId="
                + encode(repositoryId) + "&refName=" + encode("refs/heads/" + base) + "&policyType=" + AzureMergeStrategy.POLICY_TYPE
                + "&" + API_VERSION, null);
        return AzureMergeStrategy.choose(policies).orElseThrow(() -> new ApiException(0, "the branch policies of " + base
                + " allow no merge strategy (squash, merge, rebase, rebase and merge), so " + pullRequest.url()
                + " cannot be set to complete by itself; check the policy \"Limit merge types\" of " + base));
    }

    /**
     * A request whose answer must be JSON. Azure DevOps answers a refused token on some endpoints with 203 (or a
     * redirect to 200) and an HTML sign-in page, which must not pass for success.
     */
    private JsonNode json(String method, String path, Object body) throws ApiException {
        ApiResponse response = api.send(method, path, body);
        if (response.status() == 203 || !response.body().isContainerNode()) {
            throw new ApiException(401, "Azure DevOps API " + method + " " + api.resolve(path) + " answered "
                    + response.status() + " with a sign-in page instead of JSON: the token was refused (invalid, expired,"
                    + " revoked, or made for another organization than " + organization + ")");
        }
        return response.body();
    }

    /**
     * {@code GET .../commits/{commitId}/statuses?latestOnly=true}: the latest status of each context; the context's
     * {@code name} is what posted it (Flux: {@code kustomization/<name>/<id>}, genre {@code fluxcd}).
     */
    @Override
    public List<CommitStatus> commitStatuses(String sha) throws ApiException {
        List<CommitStatus> statuses = new ArrayList<>();
        for (JsonNode status : json("GET", repositoryPath() + "/commits/" + CommitStatus.commit(sha) + "/statuses?latestOnly=true&"
                + API_VERSION, null).path("value")) {
            String updated = CommitStatus.text(status, "updatedDate");
            statuses.add(new CommitStatus(CommitStatus.text(status.path("context"), "name"),
                    CommitStatus.text(status.path("context"), "genre"), switch (CommitStatus.text(status, "state")) {
                        case "succeeded" -> CommitStatus.State.SUCCESS;
                        case "failed" -> CommitStatus.State.FAILURE;
                        case "error" -> CommitStatus.State.ERROR;
                        default -> CommitStatus.State.PENDING;
                    }, CommitStatus.text(status, "description"), CommitStatus.text(status, "targetUrl"),
                    updated.isEmpty() ? CommitStatus.text(status, "creationDate") : updated));
        }
        return statuses;
    }

    private String repositoryPath() {
        return segment(organization) + "/" + segment(project) + "/_apis/git/repositories/" + segment(repository);
    }

    private String pullRequestsPath() {
        return repositoryPath() + "/pullrequests";
    }

    private String pullRequestPath(PullRequest pullRequest) {
        return pullRequestsPath() + "/" + pullRequest.number();
    }

    /** A pull request's labels or reviewers, which the reference documents under {@code pullRequests}, capital R. */
    private String subresource(PullRequest pullRequest, String name) {
        return repositoryPath() + "/pullRequests/" + pullRequest.number() + "/" + name;
    }

    /** Its number and id are the pullRequestId; its page is under the repository's web URL. */
    private PullRequest pullRequest(JsonNode pull) {
        long id = pull.path("pullRequestId").asLong();
        String repositoryWeb = pull.path("repository").path("webUrl").asText();
        if (repositoryWeb.isBlank()) {
            repositoryWeb = webBase + "/" + segment(organization) + "/" + segment(project) + "/_git/" + segment(repository);
        }
        return new PullRequest(id, repositoryWeb.replaceAll("/+$", "") + "/pullrequest/" + id, Long.toString(id));
    }

    /**
     * A body cut to the 4000 characters Azure DevOps accepts, cut in the middle: the trailing HTML comment (the
     * machine-readable block promotions are read back from) is kept whole.
     */
    static String description(String body) {
        if (body.length() <= MAX_DESCRIPTION) {
            return body;
        }
        String note = "\n\n… (shortened: Azure DevOps keeps " + MAX_DESCRIPTION + " characters)\n\n";
        int comment = body.lastIndexOf("<!--");
        String tail = comment >= 0 && body.length() - comment < MAX_DESCRIPTION / 2 ? body.substring(comment) : "";
        return body.substring(0, MAX_DESCRIPTION - note.length() - tail.length()) + note + tail;
    }

    /** The lower-cased values of one field of a list answer's {@code value} items. */
    private static Set<String> names(JsonNode list, String field) {
        return StreamSupport.stream(list.path("value").spliterator(), false)
                .map(item -> item.path(field).asText().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** {@code message} (which may span lines), with the {@code typeKey} naming the kind of failure. */
    static Optional<String> errorMessage(JsonNode body) {
        String message = body.path("message").asText().strip().replaceAll("\\s+", " ");
        String typeKey = body.path("typeKey").asText();
        if (message.isEmpty()) {
            return typeKey.isEmpty() ? Optional.empty() : Optional.of(typeKey);
        }
        return Optional.of(typeKey.isEmpty() ? message : message + " (" + typeKey + ")");
    }

    /** A path segment: project names may hold spaces, which must be {@code %20} there, not {@code +}. */
    private static String segment(String text) {
        return encode(text).replace("+", "%20");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
