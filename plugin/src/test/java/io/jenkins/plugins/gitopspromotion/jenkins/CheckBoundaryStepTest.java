package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.model.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class CheckBoundaryStepTest {

    @TempDir
    Path temp;

    @Test
    void aKubeconfigInTheBuildsEnvironmentFailsTheBuildOrWarns(JenkinsRule j) throws Exception {
        JenkinsTestSupport.outsideAnyCluster(j, temp.resolve("no-service-account"));
        Path kubeconfig = Files.writeString(temp.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");
        WorkflowJob job = j.createProject(WorkflowJob.class, "boundary");
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  def clear = gitopsCheckBoundary()
                  echo "clear=${clear.size()}"
                  withEnv([%s]) {
                    def found = gitopsCheckBoundary warnOnly: true
                    echo "found=${found[0].kind}"
                    gitopsCheckBoundary()
                  }
                }
                """.formatted(JenkinsTestSupport.groovy("KUBECONFIG=" + kubeconfig)), true));
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains("clear=0", run);
        j.assertLogContains("found=kubeconfig", run);
        j.assertLogContains("cluster credential(s) within the build's reach", run);
    }

    @Test
    void aPromotionIsRefusedWhenTheBuildCanReachACluster(JenkinsRule j) throws Exception {
        JenkinsTestSupport.outsideAnyCluster(j, temp.resolve("no-service-account"));
        Path kubeconfig = Files.writeString(temp.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");
        Path dir = temp.resolve("config.git");
        ConfigRepositories.create(dir).close();
        WorkflowJob job = j.createProject(WorkflowJob.class, "promote");
        job.setDefinition(new CpsFlowDefinition("node { withEnv([" + JenkinsTestSupport.groovy("KUBECONFIG=" + kubeconfig)
                + "]) { gitopsPromote repository: " + JenkinsTestSupport.groovy(ConfigRepositories.url(dir))
                + ", environment: 'dev', app: 'web', tag: '1.5.0' } }", true));
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains("GitOps Promotion refused", run);
        j.assertLogContains("KUBECONFIG", run);
    }
}
