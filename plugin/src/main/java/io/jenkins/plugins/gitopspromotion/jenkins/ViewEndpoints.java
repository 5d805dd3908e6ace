package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import io.jenkins.plugins.gitopspromotion.view.ViewApi;
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
 * The promotion view's JSON endpoints inside Jenkins ({@code …/repository/ID/api/…}): reading needs Overall/Read,
 * promoting and rolling back need {@link GitOpsPromotionsRootAction#PROMOTE} and a POST, which Jenkins' crumb filter
 * also checks. The answers themselves are the engine's {@link ViewApi}, the same as {@code gitops-promotion serve}.
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
        Jenkins.get().checkPermission(Jenkins.READ);
        send(rsp, answer(api -> api.status()));
    }

    /** {@code GET api/history?app=&env=}: one cell's versions, newest first. */
    @GET
    @WebMethod(name = "history")
    public void doHistory(@QueryParameter String app, @QueryParameter String env, StaplerResponse2 rsp) throws IOException {
        Jenkins.get().checkPermission(Jenkins.READ);
        send(rsp, answer(api -> api.history(app, env)));
    }

    /** {@code POST api/promote} with {@code {"app","env"}}: what {@code env} runs, into the next environment. */
    @POST
    @WebMethod(name = "promote")
    public void doPromote(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        Jenkins.get().checkPermission(GitOpsPromotionsRootAction.PROMOTE);
        byte[] body = body(req);
        send(rsp, answer(api -> api.promote(body)));
    }

    /** {@code POST api/rollback} with {@code {"app","env","to"?}}. */
    @POST
    @WebMethod(name = "rollback")
    public void doRollback(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        Jenkins.get().checkPermission(GitOpsPromotionsRootAction.PROMOTE);
        byte[] body = body(req);
        send(rsp, answer(api -> api.rollback(body)));
    }

    /** A call of the view's API. */
    @FunctionalInterface
    private interface Call {
        ViewApi.Answer on(ViewApi api);
    }

    private ViewApi.Answer answer(Call call) {
        try {
            return call.on(page.api());
        } catch (AbortException e) {
            return ViewApi.Answer.error(502, e.getMessage()); // the registered credentials cannot be used
        }
    }

    private static byte[] body(StaplerRequest2 req) throws IOException {
        try (InputStream in = req.getInputStream()) {
            return in.readNBytes(ViewApi.MAX_BODY + 1);
        }
    }

    private static void send(StaplerResponse2 rsp, ViewApi.Answer answer) throws IOException {
        rsp.setStatus(answer.status());
        rsp.setContentType("application/json;charset=UTF-8");
        rsp.setHeader("Cache-Control", "no-store");
        rsp.getOutputStream().write(answer.json().getBytes(StandardCharsets.UTF_8));
    }
}
