package io.jenkins.plugins.gitopspromotion.deploy;

import io.jenkins.plugins.gitopspromotion.pr.ProviderKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The Git hosts' webhooks for pull-request events, which wake a waiting promotion at once (polling stays the fallback):
 * authenticated as each host signs them (GitHub and Gitea/Forgejo: {@code X-Hub-Signature-256: sha256=<HMAC>}; GitLab:
 * {@code X-Gitlab-Token}; Bitbucket Cloud and Data Center: {@code X-Hub-Signature: sha256=<HMAC>}; Azure DevOps service
 * hooks: basic authentication), at most {@value HookReceiver#MAX_BODY} bytes, and read for the pull request's source
 * branch. They record nothing and change nothing: the waiter they wake reads Git and the provider again.
 */
public final class GitHostHooks {

    /**
     * A pull-request event.
     *
     * @param branch the pull request's source branch, such as {@code gitops-promotion/prod/web}
     * @param action what happened, in the host's words ({@code closed}, {@code merge}, {@code pullrequest:fulfilled},
     *     {@code pr:merged}, {@code git.pullrequest.merged})
     */
    public record Event(String branch, String action) {
    }

    /**
     * What to answer, and the event when there is one.
     *
     * @param answer the answer: 202 with the branch, 200 for an event that is not about a pull request, 400, 401 or 413
     * @param event the event, when it is about a pull request
     */
    public record Result(HookReceiver.Answer answer, Optional<Event> event) {
    }

    private GitHostHooks() {
    }

    /**
     * Receives one webhook request of a Git host.
     *
     * @param header a request header's first value by name (looked up without regard to case), or null
     */
    public static Result receive(ProviderKind kind, HookKeys keys, byte[] body, UnaryOperator<String> header) {
        if (body.length > HookReceiver.MAX_BODY) {
            return refused(413, "the body is larger than " + HookReceiver.MAX_BODY + " bytes");
        }
        String credential = switch (kind) {
            case GITHUB, GITEA -> "X-Hub-Signature-256";
            case GITLAB -> "X-Gitlab-Token";
            case BITBUCKET, BITBUCKET_SERVER -> "X-Hub-Signature";
            case AZURE_DEVOPS -> "Authorization";
        };
        String sent = header.apply(credential);
        if (sent == null) {
            return refused(401, "the " + credential + " header is missing: " + kind.displayName() + " sends it with the webhook's"
                    + " secret");
        }
        boolean authentic = switch (kind) {
            case GITLAB -> keys.token(sent);
            case AZURE_DEVOPS -> keys.basic(sent);
            default -> keys.signed(sent, body);
        };
        if (!authentic) {
            return refused(401, "the " + credential + " header does not match this webhook's secret");
        }
        try {
            ReportJson json = ReportJson.parse("a " + kind.displayName() + " webhook", body);
            Optional<Event> event = switch (kind) {
                case GITHUB, GITEA -> "pull_request".equals(header.apply("X-GitHub-Event"))
                        ? Optional.of(new Event(json.object("pull_request").object("head").text("ref"), json.text("action")))
                        : Optional.empty();
                case GITLAB -> "Merge Request Hook".equals(header.apply("X-Gitlab-Event"))
                        ? Optional.of(new Event(json.object("object_attributes").text("source_branch"),
                                json.object("object_attributes").optionalText("action").orElse("update")))
                        : Optional.empty();
                case BITBUCKET -> Optional.ofNullable(header.apply("X-Event-Key")).filter(k -> k.startsWith("pullrequest:"))
                        .isPresent() ? Optional.of(new Event(json.object("pullrequest").object("source").object("branch").text("name"),
                                header.apply("X-Event-Key"))) : Optional.empty();
                case BITBUCKET_SERVER -> Optional.ofNullable(header.apply("X-Event-Key")).filter(k -> k.startsWith("pr:"))
                        .isPresent() ? Optional.of(new Event(json.object("pullRequest").object("fromRef").text("displayId"),
                                header.apply("X-Event-Key"))) : Optional.empty();
                case AZURE_DEVOPS -> json.text("eventType").startsWith("git.pullrequest.")
                        ? Optional.of(new Event(json.object("resource").text("sourceRefName").replaceFirst("^refs/heads/", ""),
                                json.text("eventType"))) : Optional.empty();
            };
            if (event.isEmpty()) {
                return new Result(HookReceiver.Answer.unrecorded("ignored", "not a pull-request event"), Optional.empty());
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("status", "accepted");
            answer.put("branch", event.get().branch());
            return new Result(HookReceiver.Answer.of(202, answer), event);
        } catch (MalformedReportException e) {
            return refused(400, e.getMessage());
        }
    }

    private static Result refused(int status, String message) {
        return new Result(HookReceiver.Answer.error(status, message), Optional.empty());
    }
}
