package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
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
class BuildImageStepTest {

    @TempDir
    Path temp;

    @Test
    void configRoundTripAndSnippet(JenkinsRule j) throws Exception {
        BuildImageStep step = new BuildImageStep("ghcr.io/acme/web", "1.5.0 latest");
        step.setBuilder("podman");
        step.setBuildArgs("VERSION=1.5.0");
        step.setCredentialsId("ghcr");
        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
        new SnippetizerTester(j).assertRoundTrip(step,
                "gitopsBuildImage buildArgs: 'VERSION=1.5.0', builder: 'podman', credentialsId: 'ghcr', image: 'ghcr.io/acme/web', tags: '1.5.0 latest'");

        FreeStyleProject project = j.createFreeStyleProject();
        BuildImageBuilder builder = new BuildImageBuilder("ghcr.io/acme/web", "${BUILD_NUMBER}");
        builder.setBuilder("jib");
        project.getBuildersList().add(builder);
        j.configRoundtrip(project);
        j.assertEqualDataBoundBeans(builder, project.getBuildersList().get(BuildImageBuilder.class));
    }

    @Test
    void aMissingBuilderIsAClearErrorNamingIt(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "build");
        job.setDefinition(new CpsFlowDefinition(
                "node { gitopsBuildImage image: 'registry.example.invalid/acme/web', tags: '1', builder: 'kaniko' }", true));
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains("the kaniko builder is not installed or not on the PATH", run);
    }

    @Test
    void aPipelineBuildsWithJibAndPromotesTheDigestItPushed(JenkinsRule j) throws Exception {
        JenkinsTestSupport.outsideAnyCluster(j, temp.resolve("no-service-account"));
        RealParts.require(TestRegistry.installed(), "docker-registry");
        Path dir = temp.resolve("config.git");
        ConfigRepositories.create(dir).close();
        try (TestRegistry registry = TestRegistry.plain(temp.resolve("registry"))) {
            WorkflowJob job = j.createProject(WorkflowJob.class, "web");
            job.setDefinition(new CpsFlowDefinition("""
                    node {
                      writeFile file: 'site/index.html', text: '<h1>web</h1>'
                      def built = gitopsBuildImage image: '%s/acme/web', tags: '1.6.0', builder: 'jib', layers: 'site:/srv/www',
                          insecureRegistry: true
                      echo "digest=${built.digest}"
                      def promoted = gitopsPromote repository: %s, environment: 'dev', app: 'web', tag: built.tags[0], digest: built.digest
                      echo "promoted=${promoted.status} ${promoted.digest}"
                    }
                    """.formatted(registry.host(), JenkinsTestSupport.groovy(ConfigRepositories.url(dir))), true));
            WorkflowRun run = j.buildAndAssertSuccess(job);
            String digest = registry.skopeoDigest("acme/web", "1.6.0");
            j.assertLogContains("digest=" + digest, run);
            j.assertLogContains("promoted=promoted " + digest, run);
        }
    }

    @Test
    void aFreestyleBuildHandsItsReferenceToLaterSteps(JenkinsRule j) throws Exception {
        JenkinsTestSupport.outsideAnyCluster(j, temp.resolve("no-service-account"));
        RealParts.require(TestRegistry.installed(), "docker-registry");
        Path dir = temp.resolve("config.git");
        ConfigRepositories.create(dir).close();
        try (TestRegistry registry = TestRegistry.plain(temp.resolve("registry"))) {
            FreeStyleProject project = j.createFreeStyleProject();
            Files.createDirectories(temp.resolve("context"));
            BuildImageBuilder builder = new BuildImageBuilder(registry.host() + "/acme/web", "1.7.0");
            builder.setBuilder("jib");
            builder.setInsecureRegistry(true);
            project.getBuildersList().add(builder);
            PromoteBuilder promote = new PromoteBuilder(ConfigRepositories.url(dir), "dev");
            promote.setApp("web");
            promote.setDigest("${GITOPS_IMAGE_DIGEST}");
            project.getBuildersList().add(promote);

            FreeStyleBuild build = j.buildAndAssertSuccess(project);
            assertThat(build.getAction(PromotionsAction.class).getPromotions().get(0).getVersion())
                    .endsWith(registry.skopeoDigest("acme/web", "1.7.0"));
        }
    }
}
