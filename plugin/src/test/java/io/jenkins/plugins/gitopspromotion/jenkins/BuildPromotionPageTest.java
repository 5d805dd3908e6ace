package io.jenkins.plugins.gitopspromotion.jenkins;

import static io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture.DIGEST_B;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import java.nio.file.Path;
import java.util.List;
import jenkins.model.Jenkins;
import org.eclipse.jgit.lib.Repository;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A build's GitOps Promotion page and its job's matrix in a running Jenkins: the button, the form with Jenkins' crumb,
 * the promotion as the user, an approval first where the environment asks for one, the exported API, and a deploy job
 * promoting the build by name.
 */
@WithJenkins
class BuildPromotionPageTest {

    @TempDir
    Path temp;

    @Test
    void promoteFromTheBuildsPageThenFromADeployJob(JenkinsRule j) throws Exception {
        JenkinsTestSupport.outsideAnyCluster(j, temp.resolve("no-service-account"));
        Path dir = temp.resolve("config.git");
        try (Repository remote = ConfigRepositories.create(dir)) {
            ConfigRepository registered = new ConfigRepository("config", ConfigRepositories.url(dir));
            EnvironmentRule dev = new EnvironmentRule("dev");
            dev.setApprovers("approver");
            dev.setApprovals(1);
            registered.setEnvironments(List.of(dev));
            GitOpsPromotionConfiguration.get().setRepositories(List.of(registered));
            GitOpsPromotionConfiguration.get().setBoundary("warn");
            j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
            j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                    .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                    .grant(Jenkins.READ, Item.READ).everywhere().to("reader", "promoter", "approver")
                    .grant(GitOpsPromotionsRootAction.VIEW).everywhere().to("reader")
                    .grant(GitOpsPromotionsRootAction.PROMOTE).everywhere().to("promoter", "approver"));

            FreeStyleProject web = j.createFreeStyleProject("web");
            FreeStyleBuild build = j.buildAndAssertSuccess(web);
            build.addAction(new BuiltImageAction("ghcr.io/acme/web", List.of("1.1.0"), "ghcr.io/acme/web@" + DIGEST_B, DIGEST_B, null));
            build.save();

            String readerView = j.createWebClient().login("reader").getPage(build, "gitops-promotion").getWebResponse().getContentAsString();
            assertThat(readerView).contains("ghcr.io/acme/web@" + DIGEST_B).contains("not yet").doesNotContain("<button");

            // dev needs one approval: the promoter's press is no approval (not an approver), the approver's is, and promotes.
            HtmlPage promoterView = j.createWebClient().login("promoter").getPage(build, "gitops-promotion");
            assertThat(promoterView.getWebResponse().getContentAsString()).doesNotContain("Approve and promote to dev");
            HtmlPage approverView = j.createWebClient().login("approver").getPage(build, "gitops-promotion");
            HtmlButton approve = approverView.getFirstByXPath("//button[normalize-space()='Approve and promote to dev']");
            HtmlPage after = approve.click();

            assertThat(after.getWebResponse().getContentAsString()).contains("runs this build").contains("approver");
            assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml")).contains("1.1.0").contains(DIGEST_B);
            assertThat(BareRepos.log(remote, "main").get(0).getFullMessage()).contains("Promoted-By: approver")
                    .contains("Build-Url: " + j.getURL() + build.getUrl());

            String api = j.createWebClient().login("reader").goTo(build.getUrl() + "gitops-promotion/api/json", "application/json")
                    .getWebResponse().getContentAsString();
            assertThat(api).contains("\"presence\":\"HERE\"").contains("\"promotedBy\":\"approver\"");
            String matrix = j.createWebClient().login("reader").getPage(web, "gitops-promotion").getWebResponse().getContentAsString();
            assertThat(matrix).contains("★").contains("#1");

            // A deploy job promotes what web #1 built into staging (pull-request mode without a provider: a branch).
            WorkflowJob deploy = j.createProject(WorkflowJob.class, "deploy");
            deploy.setDefinition(new CpsFlowDefinition("""
                    def r = gitopsPromote repository: 'config', environment: 'staging', build: 'web#1'
                    echo "status=${r.status} branch=${r.branch}"
                    """, true));
            WorkflowRun deployed = j.buildAndAssertSuccess(deploy);
            j.assertLogContains("status=promoted branch=gitops-promotion/staging/web", deployed);
            assertThat(BareRepos.readFile(remote, "gitops-promotion/staging/web", "apps/web/staging/kustomization.yaml"))
                    .contains(DIGEST_B);
        }
    }
}
