package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.jenkins.plugins.gitopspromotion.testing.AgentReports;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Deployment feedback in a running Jenkins: a Pipeline promotes and waits with {@code gitopsWait} outside any node,
 * Flux reports through the repository's hook (no login, no crumb, an HMAC of the body), and the wait ends healthy;
 * a forged report is refused and changes nothing.
 */
@WithJenkins
class DeploymentFeedbackTest {

    @TempDir
    Path temp;

    @Test
    void aPipelineWaitsUntilFluxReportsItsPromotionHealthy(JenkinsRule j) throws Exception {
        JenkinsTestSupport.outsideAnyCluster(j, temp.resolve("no-service-account"));
        Path dir = temp.resolve("config.git");
        try (Repository remote = ConfigRepositories.create(dir)) {
            BareRepos.commitFile(remote, "main", ".gitops/promotion.yaml", ConfigRepositoryFixture.withDeployments(
                    ConfigRepositoryFixture.CONFIG, "dev", "flux: {kustomization: apps, namespace: flux-system}"), "Flux deploys dev");
            SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "hook-key",
                    "Flux hook key", Secret.fromString(AgentReports.FLUX_KEY)));
            ConfigRepository registered = new ConfigRepository("config", ConfigRepositories.url(dir));
            registered.setHookCredentialsId("hook-key");
            GitOpsPromotionConfiguration.get().setRepositories(List.of(registered));

            WorkflowJob job = j.createProject(WorkflowJob.class, "web");
            job.setDefinition(new CpsFlowDefinition("""
                    def promoted = gitopsPromote repository: 'config', environment: 'dev', app: 'web', tag: '1.1.0'
                    echo "promoted=${promoted.commit}"
                    def r = gitopsWait repository: 'config', environment: 'dev', app: 'web', until: 'healthy', timeout: '10m'
                    echo "outcome=${r.outcome} state=${r.state} source=${r.source}"
                    """, true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            j.waitForMessage("in dev: merged", run);
            String commit = BareRepos.head(remote, "main").name();

            WebResponse forged = post(j, "flux", flux(commit), "sha256=" + "0".repeat(64));
            assertThat(forged.getStatusCode()).isEqualTo(401);

            WebResponse recorded = post(j, "flux", flux(commit), null);
            assertThat(recorded.getStatusCode()).isEqualTo(202);

            j.assertBuildStatusSuccess(j.waitForCompletion(run));
            j.assertLogContains("outcome=reached state=healthy source=flux", run);
        }
    }

    private static String flux(String commit) {
        return AgentReports.fluxEvent("flux-system", "apps", "info", "ReconciliationSucceeded", "Reconciliation finished",
                Instant.now(), Map.of("revision", "main@sha1:" + commit, "env", "dev"));
    }

    /** A POST as Flux's notification-controller sends it: no Jenkins login, no crumb, signed unless a signature is given. */
    private static WebResponse post(JenkinsRule j, String hook, String body, String signature) throws Exception {
        WebRequest request = new WebRequest(new URL(j.getURL(), "gitops-promotion-hooks/config/" + hook), HttpMethod.POST);
        request.setAdditionalHeader("Content-Type", "application/json");
        request.setAdditionalHeader("X-Signature", signature != null ? signature : AgentReports.signature(AgentReports.FLUX_KEY, body));
        request.setRequestBody(body);
        request.setCharset(StandardCharsets.UTF_8);
        return j.createWebClient().withThrowExceptionOnFailingStatusCode(false).getPage(request).getWebResponse();
    }
}
