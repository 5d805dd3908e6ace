package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.git.NetworkSettings;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker an agent runs orders with: its cache, and the build's own environment in the boundary check. */
class PromotionWorkerTest {

    @TempDir
    Path temp;

    @Test
    void promotesAndReadsStatusWithTheMirrorInTheGivenCache() throws Exception {
        try (Repository remote = BareRepos.create(temp.resolve("config.git"))) {
            ConfigRepositoryFixture.seed(remote);
            PromotionWorker worker = new PromotionWorker(temp.resolve("agent-cache"), 30, NetworkSettings.defaults(), Map.of());
            RepositoryAccess access = RepositoryAccess.of(temp.resolve("config.git").toString());

            PromotionResult result = worker.promote(PromotionOrder.promote(access, "dev").app("api").tag("2.1.0"));
            assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
            assertThat(BareRepos.readFile(remote, "main", "apps/api/dev/values.yaml")).contains("tag: 2.1.0");
            assertThat(temp.resolve("agent-cache")).isNotEmptyDirectory();

            StatusReport status = worker.status(access);
            assertThat(status.cell("api", "dev").tag()).isEqualTo("2.1.0");
            assertThat(status.cell("api", "staging").tag()).isEqualTo("2.0.0");
        }
    }

    @Test
    void aKubeconfigInTheBuildsEnvironmentRefusesThePromotion() throws Exception {
        Path kubeconfig = Files.writeString(temp.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: prod
                  cluster:
                    server: https://prod.example.invalid:6443
                users:
                - name: deployer
                  user:
                    token: not-a-real-token
                contexts:
                - name: prod
                  context: {cluster: prod, user: deployer}
                current-context: prod
                """);
        try (Repository remote = BareRepos.create(temp.resolve("config.git"))) {
            ConfigRepositoryFixture.seed(remote);
            PromotionWorker worker = new PromotionWorker(temp.resolve("agent-cache"), 30, NetworkSettings.defaults(), Map.of("KUBECONFIG", kubeconfig.toString()));

            PromotionResult result = worker.promote(PromotionOrder.promote(RepositoryAccess.of(temp.resolve("config.git").toString()), "dev")
                    .app("api").tag("2.1.0"));
            assertThat(result.status()).isEqualTo(PromotionResult.Status.REFUSED);
            assertThat(result.reason()).contains("KUBECONFIG");
            assertThat(BareRepos.log(remote, "main")).hasSize(1);
        }
    }

    @Test
    void aPullRequestEnvironmentWhereAutoFindsNoProviderSaysSoInTheResult() throws Exception {
        try (Repository remote = BareRepos.create(temp.resolve("config.git"))) {
            ConfigRepositoryFixture.seed(remote);
            PromotionWorker worker = new PromotionWorker(temp.resolve("agent-cache"), 30, NetworkSettings.defaults(), Map.of());
            String url = temp.resolve("config.git").toString();
            RepositoryAccess withToken = new RepositoryAccess(url, null, AccessCredentials.password("ci", "t0ken".toCharArray()),
                    null, null, null);
            RepositoryAccess withoutToken = RepositoryAccess.of(url);

            PromotionResult commitMode = worker.promote(PromotionOrder.promote(withoutToken, "dev").app("api").tag("2.1.0"));
            PromotionResult noHost = worker.promote(PromotionOrder.promote(withToken, "staging").app("api").tag("2.1.0"));
            // The same again: the branch proposes it already, and still no pull request can be opened.
            PromotionResult noToken = worker.promote(PromotionOrder.promote(withoutToken, "staging").app("api").tag("2.1.0"));

            assertThat(noHost.status()).isEqualTo(PromotionResult.Status.PROMOTED);
            assertThat(noHost.branch()).isEqualTo("gitops-promotion/staging/api");
            assertThat(noHost.pullRequest()).isNull();
            assertThat(noHost.warnings()).singleElement().asString()
                    .startsWith("no pull request was opened: the provider is auto, and " + url + " is on no host it recognises")
                    .contains("name the provider (github, gitlab");
            assertThat(noHost.toJson()).contains("\"warnings\":[\"no pull request was opened");
            assertThat(noToken.status()).isEqualTo(PromotionResult.Status.UNCHANGED);
            assertThat(noToken.warnings()).singleElement().asString()
                    .startsWith("no pull request was opened: the provider is auto and there is no API token");
            assertThat(commitMode.warnings()).as("an environment that wants no pull request is not warned").isEmpty();
            assertThat(RepositoryAccess.of(url).noPullRequests()).isPresent();
            assertThat(new RepositoryAccess(url, null, null, "none", null, null).noPullRequests()).as("none asks for none").isEmpty();
        }
    }
}
