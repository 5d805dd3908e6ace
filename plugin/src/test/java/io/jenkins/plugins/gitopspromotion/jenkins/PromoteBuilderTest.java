package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class PromoteBuilderTest {

    @TempDir
    Path temp;

    @Test
    void configRoundTrip(JenkinsRule j) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        PromoteBuilder builder = new PromoteBuilder("config", "dev");
        builder.setImage("ghcr.io/acme/web");
        builder.setTag("${VERSION}");
        builder.setMode("commit");
        project.getBuildersList().add(builder);
        j.configRoundtrip(project);
        j.assertEqualDataBoundBeans(builder, project.getBuildersList().get(PromoteBuilder.class));
    }

    @Test
    void aFreestyleBuildPromotesWithBuildVariables(JenkinsRule j) throws Exception {
        JenkinsTestSupport.outsideAnyCluster(j, temp.resolve("no-service-account"));
        Path dir = temp.resolve("config.git");
        try (Repository remote = ConfigRepositories.create(dir)) {
            FreeStyleProject project = j.createFreeStyleProject();
            project.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("VERSION", "0.0.0")));
            PromoteBuilder builder = new PromoteBuilder(ConfigRepositories.url(dir), "dev");
            builder.setImage("ghcr.io/acme/worker");
            builder.setTag("${VERSION}");
            project.getBuildersList().add(builder);

            FreeStyleBuild build = j.assertBuildStatusSuccess(project.scheduleBuild2(0,
                    new ParametersAction(new StringParameterValue("VERSION", "0.9.1"))));
            j.assertLogContains("promoted worker in dev at 0.9.1", build);
            assertThat(BareRepos.readFile(remote, "main", "apps/worker/dev/worker.yaml"))
                    .contains("image: ghcr.io/acme/worker:0.9.1 # {\"$imagepolicy\": \"flux-system:worker\"}");
            PromotionRecord record = build.getAction(PromotionsAction.class).getPromotions().get(0);
            assertThat(record.getApp()).isEqualTo("worker");
            assertThat(record.getVersion()).isEqualTo("0.9.1");
            j.createWebClient().getPage(build, "gitops-promotion");
        }
    }
}
