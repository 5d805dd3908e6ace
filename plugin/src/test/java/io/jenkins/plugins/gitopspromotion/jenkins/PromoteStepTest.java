package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class PromoteStepTest {

    private static final String TOKEN = "ghp_maskMeIfYouCan_0123456789abcdef";

    @TempDir
    Path temp;

    @Test
    void configRoundTripAndSnippet(JenkinsRule j) throws Exception {
        PromoteStep step = new PromoteStep("config", "staging");
        step.setApp("web");
        step.setFrom("dev");
        step.setMode("pull-request");
        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
        new SnippetizerTester(j).assertRoundTrip(step,
                "gitopsPromote app: 'web', environment: 'staging', from: 'dev', mode: 'pull-request', repository: 'config'");

        RollbackStep rollback = new RollbackStep("config", "prod", "web");
        rollback.setTo("1.4.2");
        j.assertEqualDataBoundBeans(rollback, new StepConfigTester(j).configRoundTrip(rollback));
        new SnippetizerTester(j).assertRoundTrip(rollback, "gitopsRollback app: 'web', environment: 'prod', repository: 'config', to: '1.4.2'");

        PromoteStep emergency = new PromoteStep("config", "prod");
        emergency.setApp("web");
        emergency.setTag("1.5.1");
        emergency.setOverrideHold(true);
        emergency.setReason("INC-42");
        j.assertEqualDataBoundBeans(emergency, new StepConfigTester(j).configRoundTrip(emergency));
        new SnippetizerTester(j).assertRoundTrip(emergency,
                "gitopsPromote app: 'web', environment: 'prod', overrideHold: true, reason: 'INC-42', repository: 'config', tag: '1.5.1'");

        ReleaseStep release = new ReleaseStep("config", "prod", "web");
        release.setReason("fixed in 1.5.1");
        j.assertEqualDataBoundBeans(release, new StepConfigTester(j).configRoundTrip(release));
        new SnippetizerTester(j).assertRoundTrip(release,
                "gitopsRelease app: 'web', environment: 'prod', reason: 'fixed in 1.5.1', repository: 'config'");
    }

    @Test
    void aPipelinePromotesIntoAFileRepositoryAndReadsTheResult(JenkinsRule j) throws Exception {
        JenkinsTestSupport.outsideAnyCluster(j, temp.resolve("no-service-account"));
        Path dir = temp.resolve("config.git");
        try (Repository remote = ConfigRepositories.create(dir)) {
            WorkflowJob job = j.createProject(WorkflowJob.class, "web");
            job.setDefinition(new CpsFlowDefinition("""
                    node {
                      def r = gitopsPromote repository: %s, environment: 'dev', app: 'web', tag: '1.5.0'
                      echo "status=${r.status} tag=${r.tag} files=${r.files} pr=${r.pullRequestUrl}"
                      def again = gitopsPromote repository: %s, environment: 'dev', app: 'web', tag: '1.5.0'
                      echo "again=${again.status}"
                      def status = gitopsPromotionStatus repository: %s
                      echo "dev has ${status.cells.find { it.app == 'web' && it.env == 'dev' }.tag}"
                    }
                    """.formatted(JenkinsTestSupport.groovy(ConfigRepositories.url(dir)), JenkinsTestSupport.groovy(ConfigRepositories.url(dir)),
                    JenkinsTestSupport.groovy(ConfigRepositories.url(dir))), true));
            WorkflowRun run = j.buildAndAssertSuccess(job);
            j.assertLogContains("status=promoted tag=1.5.0 files=[apps/web/dev/kustomization.yaml] pr=null", run);
            j.assertLogContains("again=unchanged", run);
            j.assertLogContains("dev has 1.5.0", run);
            assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml")).contains("newTag: \"1.5.0\"   # keep");

            List<PromotionRecord> records = run.getAction(PromotionsAction.class).getPromotions();
            assertThat(records).extracting(PromotionRecord::getStatus).containsExactly("promoted", "unchanged");
            assertThat(records.get(0).getCommit()).isEqualTo(BareRepos.head(remote, "main").name());
            assertThat(records.get(0).getEnv()).isEqualTo("dev");
            assertThat(job.getAction(JobPromotionsAction.class).getLatest()).singleElement()
                    .satisfies(latest -> assertThat(latest.getVersion()).isEqualTo("1.5.0"));
        }
    }

    @Test
    void aRefusedPromotionFailsTheBuildAndPushesNothing(JenkinsRule j) throws Exception {
        JenkinsTestSupport.outsideAnyCluster(j, temp.resolve("no-service-account"));
        Path dir = temp.resolve("config.git");
        try (Repository remote = ConfigRepositories.create(dir)) {
            WorkflowJob job = j.createProject(WorkflowJob.class, "web");
            // staging requires dev to have the version first
            job.setDefinition(new CpsFlowDefinition("node { gitopsPromote repository: " + JenkinsTestSupport.groovy(ConfigRepositories.url(dir))
                    + ", environment: 'staging', app: 'web', tag: '9.9.9', mode: 'commit' }", true));
            WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);
            j.assertLogContains("GitOps Promotion refused", run);
            assertThat(BareRepos.log(remote, "main")).hasSize(1);
        }
    }

    @Test
    void aRegisteredRepositorysCredentialsAreUsedAndNeverLogged(JenkinsRule j) throws Exception {
        JenkinsTestSupport.outsideAnyCluster(j, temp.resolve("no-service-account"));
        Path dir = temp.resolve("config.git");
        try (Repository remote = ConfigRepositories.create(dir)) {
            CredentialsProvider.lookupStores(j.jenkins).iterator().next().addCredentials(Domain.global(),
                    new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "config-token", "config", "ci-bot", TOKEN));
            ConfigRepository config = new ConfigRepository("config", ConfigRepositories.url(dir));
            config.setCredentialsId("config-token");
            config.setProvider("none");
            GitOpsPromotionConfiguration.get().setRepositories(List.of(config));

            WorkflowJob job = j.createProject(WorkflowJob.class, "web");
            job.setDefinition(new CpsFlowDefinition("""
                    node {
                      def r = gitopsPromote repository: 'config', environment: 'dev', app: 'api', tag: '2.1.0'
                      echo "status=${r.status}"
                      gitopsPromote repository: 'config', environment: 'dev', app: 'api', tag: 'bad tag;rm'
                    }
                    """, true));
            WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);
            j.assertLogContains("status=promoted", run);
            j.assertLogContains("'bad tag;rm' is not a valid image tag", run);
            j.assertLogNotContains(TOKEN, run);
            assertThat(BareRepos.readFile(remote, "main", "apps/api/dev/values.yaml")).contains("tag: 2.1.0");
        }
    }

    @Test
    void aPipelineWithoutANodePromotesOnTheControllersMirror(JenkinsRule j) throws Exception {
        JenkinsTestSupport.outsideAnyCluster(j, temp.resolve("no-service-account"));
        Path dir = temp.resolve("config.git");
        try (Repository remote = ConfigRepositories.create(dir)) {
            WorkflowJob job = j.createProject(WorkflowJob.class, "no-node");
            // No node at all, as in a declarative "agent none" stage: the step holds no executor.
            job.setDefinition(new CpsFlowDefinition("""
                    def r = gitopsPromote repository: %s, environment: 'dev', app: 'web', tag: '1.6.0'
                    echo "status=${r.status}"
                    def status = gitopsPromotionStatus repository: %s
                    echo "dev has ${status.cells.find { it.app == 'web' && it.env == 'dev' }.tag}"
                    """.formatted(JenkinsTestSupport.groovy(ConfigRepositories.url(dir)), JenkinsTestSupport.groovy(ConfigRepositories.url(dir))),
                    true));
            WorkflowRun run = j.buildAndAssertSuccess(job);
            j.assertLogContains("status=promoted", run);
            j.assertLogContains("dev has 1.6.0", run);
            assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml")).contains("1.6.0");
            assertThat(j.jenkins.getRootDir().toPath().resolve("caches/gitops-promotion")).isDirectoryContaining(
                    p -> p.getFileName().toString().endsWith(".git"));
        }
    }

    @Test
    void onAgentPromotesOnTheAgentsMirrorAndNeedsANode(JenkinsRule j) throws Exception {
        JenkinsTestSupport.outsideAnyCluster(j, temp.resolve("no-service-account"));
        Path agentCache = temp.resolve("agent-cache");
        GitOpsPromotionConfiguration.get().setCacheFolder(agentCache.toString());
        j.createOnlineSlave(hudson.model.Label.get("promoter"));
        Path dir = temp.resolve("config.git");
        try (Repository remote = ConfigRepositories.create(dir)) {
            WorkflowJob job = j.createProject(WorkflowJob.class, "on-agent");
            job.setDefinition(new CpsFlowDefinition("""
                    node('promoter') {
                      def r = gitopsPromote repository: %s, environment: 'dev', app: 'web', tag: '1.7.0', onAgent: true
                      echo "status=${r.status}"
                    }
                    """.formatted(JenkinsTestSupport.groovy(ConfigRepositories.url(dir))), true));
            j.assertLogContains("status=promoted", j.buildAndAssertSuccess(job));
            assertThat(agentCache).isDirectoryContaining(p -> p.getFileName().toString().endsWith(".git"));

            WorkflowJob outside = j.createProject(WorkflowJob.class, "on-agent-without-node");
            outside.setDefinition(new CpsFlowDefinition("gitopsPromote repository: " + JenkinsTestSupport.groovy(ConfigRepositories.url(dir))
                    + ", environment: 'dev', app: 'web', tag: '1.8.0', onAgent: true", true));
            j.assertLogContains("onAgent: true needs a node", j.buildAndAssertStatus(Result.FAILURE, outside));
        }
    }
}
