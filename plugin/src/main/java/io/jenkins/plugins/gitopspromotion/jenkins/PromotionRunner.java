package io.jenkins.plugins.gitopspromotion.jenkins;

import com.fasterxml.jackson.core.type.TypeReference;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopspromotion.deploy.DeploymentTracker;
import io.jenkins.plugins.gitopspromotion.json.Json;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionException;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionOrder;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way every step and builder promotes: check the order on the controller, run it on the agent, log and
 * record the outcome on the build, and hand back the result as a map a Jenkinsfile can read.
 */
final class PromotionRunner {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private PromotionRunner() {
    }

    /**
     * Promotes (or rolls back) as the order says: on the controller, or on the agent holding {@code workspace}.
     *
     * @param workspace the workspace on the agent to do the Git work on, or null to do it on the controller
     * @return the result: {@code status}, {@code env}, {@code app}, {@code image}, {@code tag}, {@code digest},
     *     {@code commit}, {@code branch}, {@code pullRequestUrl}, {@code pullRequest}, {@code files},
     *     {@code reason}, {@code warnings}
     * @throws AbortException if an input is wrong, or a guard or policy refused (nothing was pushed)
     */
    static Map<String, Object> promote(Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener, PromotionOrder order)
            throws IOException, InterruptedException {
        return promote(run, workspace, env, listener, order, env.get("BUILD_URL"), BuildSource.of(run, env));
    }

    /**
     * Promotes what another build built: with that build and its source as the promotion's provenance.
     *
     * @param buildUrl the build the image comes from
     * @param source its application source
     * @see #promote(Run, FilePath, EnvVars, TaskListener, PromotionOrder)
     */
    static Map<String, Object> promote(Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener, PromotionOrder order,
            String buildUrl, BuildSource source) throws IOException, InterruptedException {
        try {
            order.provenance(buildUrl, source.commit(), source.link()).check();
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.PromotionRunner_BadInput(e.getMessage()));
        }
        listener.getLogger().println(Messages.PromotionRunner_Starting(order));
        Map<String, Object> result = resultOf(workspace != null
                ? workspace.act(new PromoteOnAgent(order, AgentSettings.of(env)))
                : ControllerWork.run(env, order.access().credentials(), worker -> worker.promote(order).toJson()));
        for (Object warning : (Iterable<?>) result.getOrDefault("warnings", List.of())) {
            listener.getLogger().println(Messages.PromotionRunner_Warning(warning));
        }
        listener.getLogger().println(Messages.PromotionRunner_Outcome(result.get("status"), result.get("app"), result.get("env"),
                version(result), result.get("commit") == null ? "-" : result.get("commit"),
                result.get("pullRequestUrl") == null ? "-" : result.get("pullRequestUrl")));
        PromotionsAction.of(run).add(PromotionRecord.of(order.access().url(), result));
        if ("refused".equals(result.get("status"))) {
            throw new AbortException(Messages.PromotionRunner_Refused(result.get("reason")));
        }
        return result;
    }

    /**
     * The matrix of a repository as maps: {@code environments}, {@code apps}, {@code cells} (one map per cell); read on
     * the controller, or on the agent holding {@code workspace} when it is not null.
     */
    static Map<String, Object> status(FilePath workspace, EnvVars env, RepositoryAccess access) throws IOException, InterruptedException {
        if (workspace != null) {
            return toMap(workspace.act(new StatusOnAgent(access, AgentSettings.of(env))));
        }
        // On the controller, where the GitOps agents' reports arrive: with each tracked cell's deployment and the figures.
        DeploymentTracker.Status status;
        try {
            PromotionEngine engine = ControllerWork.engine(access);
            status = Deployments.tracker(access, engine).status(engine, access.location(), access.credentials().gitAuth(), access.base());
        } catch (PromotionException | IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        Map<String, Object> report = toMap(status.report().toJson());
        report.put("warnings", List.copyOf(status.warnings()));
        return report;
    }

    /**
     * {@code tag@digest}, or whichever of them there is; with the new name when the promotion moved the image
     * ({@code NAME:tag@digest}).
     */
    static String version(Map<String, Object> result) {
        Object tag = result.get("tag");
        Object digest = result.get("digest");
        if (tag == null && digest == null) {
            return "-"; // a release sets no version; a bundle's versions are in its reason and the pull request
        }
        String version = tag == null ? String.valueOf(digest) : digest == null ? tag.toString() : tag + "@" + digest;
        Object renamed = result.get("imageName");
        return renamed == null ? version : renamed + (tag == null ? "@" : ":") + version;
    }

    /** An engine result's JSON as a map a Jenkinsfile can read, with {@code pullRequestUrl} taken out of the pull request. */
    static Map<String, Object> resultOf(String json) throws IOException {
        Map<String, Object> result = toMap(json);
        Object pullRequest = result.get("pullRequest");
        result.put("pullRequestUrl", pullRequest instanceof Map<?, ?> pr ? pr.get("url") : null);
        return result;
    }

    /** A JSON object from the agent as a map a Jenkinsfile can read. */
    static Map<String, Object> toMap(String json) throws IOException {
        return Json.mapper().readValue(json, MAP);
    }
}
