package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.SyntheticConfigRepository;
import java.nio.file.Path;
import java.util.List;
import jenkins.model.Jenkins;
import org.eclipse.jgit.lib.Repository;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The promotion view inside Jenkins: its page, assets and endpoints, and who may do what. */
@WithJenkins
class PromotionViewPageTest {

    private static final String BASE = "gitops-promotions/repository/config/";

    @TempDir
    Path temp;

    @Test
    void readersSeeTheMatrixAndOnlyPromotersPromote(JenkinsRule j) throws Exception {
        Path dir = temp.resolve("config.git");
        try (Repository remote = BareRepos.create(dir)) {
            SyntheticConfigRepository.of(3).seed(remote);
            GitOpsPromotionConfiguration.get().setRepositories(List.of(new ConfigRepository("config", ConfigRepositories.url(dir))));
            // The view promotes from the controller's own process, which the test shares: in a Kubernetes pod (Jenkins'
            // CI) its environment names the cluster. This test is about permissions, not the boundary.
            GitOpsPromotionConfiguration.get().setBoundary("warn");
            j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
            j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                    .grant(Jenkins.READ).everywhere().to("reader", "promoter", "outsider")
                    .grant(GitOpsPromotionsRootAction.VIEW).everywhere().to("reader")
                    .grant(GitOpsPromotionsRootAction.PROMOTE).everywhere().to("promoter"));

            // Overall/Read alone does not show private repository content.
            JenkinsRule.WebClient outsider = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("outsider");
            assertThat(outsider.goTo(BASE + "api/status", null).getWebResponse().getStatusCode()).isEqualTo(403);

            JenkinsRule.WebClient reader = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("reader");
            Page status = reader.goTo(BASE + "api/status", "application/json");
            assertThat(status.getWebResponse().getContentAsString()).contains("\"app\":\"app-0002\"").contains("\"tag\":\"1.0.2\"");
            assertThat(reader.goTo(BASE).getWebResponse().getContentAsString())
                    .contains("id=\"gitops-promotion-view\"").contains("data-read-only=\"true\"");
            assertThat(reader.goTo("gitops-promotions/assets/view.js", "text/javascript").getWebResponse().getStatusCode()).isEqualTo(200);

            assertThat(post(reader, "promote").getStatusCode()).isEqualTo(403);
            WebRequest get = new WebRequest(reader.createCrumbedUrl(BASE + "api/promote"), HttpMethod.GET);
            assertThat(reader.getPage(get).getWebResponse().getStatusCode()).isIn(404, 405);
            assertThat(BareRepos.log(remote, "main")).hasSize(1);

            JenkinsRule.WebClient promoter = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("promoter");
            assertThat(promoter.goTo(BASE).getWebResponse().getContentAsString()).contains("data-read-only=\"false\"");
            var promoted = post(promoter, "promote");
            assertThat(promoted.getStatusCode()).isEqualTo(200);
            assertThat(promoted.getContentAsString()).contains("\"status\":\"promoted\"").contains("\"env\":\"staging\"");
            assertThat(BareRepos.readFile(remote, "main", SyntheticConfigRepository.overlay("app-0001", "staging")))
                    .contains("newTag: \"1.0.2\"");
            assertThat(BareRepos.log(remote, "main").get(0).getAuthorIdent().getName()).isEqualTo("promoter");
            assertThat(BareRepos.log(remote, "main").get(0).getFullMessage()).contains("Promoted-By: promoter");
            var release = post(promoter, "release");
            assertThat(release.getStatusCode()).isEqualTo(200);
            assertThat(release.getContentAsString()).contains("\"status\":\"unchanged\"")
                    .contains("\"reason\":\"app-0001 is not held in dev\"");

            // staging closed to all but the group sre: the promoter may no longer promote into it.
            ConfigRepository restricted = new ConfigRepository("config", ConfigRepositories.url(dir));
            EnvironmentRule staging = new EnvironmentRule("staging");
            staging.setAllowed("sre");
            restricted.setEnvironments(List.of(staging));
            GitOpsPromotionConfiguration.get().setRepositories(List.of(restricted));
            var refused = post(promoter, "promote");
            assertThat(refused.getStatusCode()).isEqualTo(403);
            assertThat(refused.getContentAsString())
                    .contains("promoter may not promote into, roll back in or release holds in staging of config");

            JenkinsRule.WebClient anonymous = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
            assertThat(anonymous.goTo(BASE + "api/status", null).getWebResponse().getStatusCode()).isIn(403, 404);
        }
    }

    private static org.htmlunit.WebResponse post(JenkinsRule.WebClient client, String endpoint) throws Exception {
        WebRequest request = new WebRequest(client.createCrumbedUrl(BASE + "api/" + endpoint), HttpMethod.POST);
        request.setAdditionalHeader("Content-Type", "application/json");
        request.setRequestBody("{\"app\":\"app-0001\",\"env\":\"dev\"}");
        return client.getPage(request).getWebResponse();
    }
}
