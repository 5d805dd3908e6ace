package io.jenkins.plugins.gitopspromotion.jenkins;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.AbortException;
import io.jenkins.plugins.gitopspromotion.json.Json;
import io.jenkins.plugins.gitopspromotion.view.ViewApi;
import io.jenkins.plugins.gitopspromotion.view.ViewUser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.WebMethod;
import org.kohsuke.stapler.verb.GET;
import org.kohsuke.stapler.verb.POST;

/**
 * The promotion view's JSON endpoints inside Jenkins ({@code …/repository/ID/api/…}): reading needs
 * {@link GitOpsPromotionsRootAction#VIEW}; promoting and rolling back need {@link GitOpsPromotionsRootAction#PROMOTE}
 * and a POST, which Jenkins' crumb filter also checks, and the repository's {@link EnvironmentRule} for the
 * environment changed. The change is made as the user (author, {@code Promoted-By} trailer) and logged by
 * {@link PromotionAudit}. The answers themselves are the engine's {@link ViewApi}, the same as {@code gitops-promotion serve}.
 */
public class ViewEndpoints {

    private final RepositoryPage page;

    ViewEndpoints(RepositoryPage page) {
        this.page = page;
    }

    /** {@code GET api/status}: the matrix. */
    @GET
    @WebMethod(name = "status")
    public void doStatus(StaplerResponse2 rsp) throws IOException {
        Jenkins.get().checkPermission(GitOpsPromotionsRootAction.VIEW);
        send(rsp, answer(api -> api.status()));
    }

    /** {@code GET api/history?app=&env=}: one cell's versions, newest first. */
    @GET
    @WebMethod(name = "history")
    public void doHistory(@QueryParameter String app, @QueryParameter String env, StaplerResponse2 rsp) throws IOException {
        Jenkins.get().checkPermission(GitOpsPromotionsRootAction.VIEW);
        send(rsp, answer(api -> api.history(app, env)));
    }

    /** {@code POST api/promote} with {@code {"app","env"}}: what {@code env} runs, into the next environment. */
    @POST
    @WebMethod(name = "promote")
    public void doPromote(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        change(req, rsp, "promote", (api, body, user) -> api.promote(body, user));
    }

    /** {@code POST api/rollback} with {@code {"app","env","to"?}}. */
    @POST
    @WebMethod(name = "rollback")
    public void doRollback(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        change(req, rsp, "roll back", (api, body, user) -> api.rollback(body, user));
    }

    /** A call of the view's API. */
    @FunctionalInterface
    private interface Call {
        ViewApi.Answer on(ViewApi api) throws AbortException;
    }

    /** A change through the view's API, by a user. */
    @FunctionalInterface
    private interface Change {
        ViewApi.Answer by(ViewApi api, byte[] body, ViewUser user);
    }

    private void change(StaplerRequest2 req, StaplerResponse2 rsp, String action, Change change) throws IOException {
        Jenkins.get().checkPermission(GitOpsPromotionsRootAction.PROMOTE);
        byte[] body = body(req);
        JenkinsViewUser[] user = new JenkinsViewUser[1];
        ViewApi.Answer answer = answer(api -> {
            user[0] = JenkinsViewUser.current(page.registration());
            return change.by(api, body, user[0]);
        });
        if (user[0] != null) {
            audit(user[0], action, answer);
        }
        send(rsp, answer);
    }

    /** One line per change asked for through the view: who, what, in which repository, and how it ended. */
    private void audit(JenkinsViewUser user, String action, ViewApi.Answer answer) {
        String outcome;
        try {
            JsonNode json = Json.mapper().readTree(answer.json());
            outcome = json.has("error") ? "failed (" + answer.status() + "): " + json.path("error").asText()
                    : json.path("status").asText() + " " + json.path("env").asText() + " " + json.path("commit").asText("-");
        } catch (IOException e) {
            outcome = "answered " + answer.status();
        }
        PromotionAudit.log(user.who(), action, user.changed().orElse("(not read)"), page.getId(), outcome);
    }

    private ViewApi.Answer answer(Call call) {
        try {
            return call.on(page.api());
        } catch (AbortException e) {
            return ViewApi.Answer.error(502, e.getMessage()); // the registration or its credentials cannot be used
        }
    }

    private static byte[] body(StaplerRequest2 req) throws IOException {
        try (InputStream in = req.getInputStream()) {
            return in.readNBytes(ViewApi.MAX_BODY + 1);
        }
    }

    private static void send(StaplerResponse2 rsp, ViewApi.Answer answer) throws IOException {
        sendJson(rsp, answer.status(), answer.json());
    }

    /** A JSON answer that no cache keeps: the view's, and the hooks'. */
    static void sendJson(StaplerResponse2 rsp, int status, String json) throws IOException {
        rsp.setStatus(status);
        rsp.setContentType("application/json;charset=UTF-8");
        rsp.setHeader("Cache-Control", "no-store");
        rsp.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
