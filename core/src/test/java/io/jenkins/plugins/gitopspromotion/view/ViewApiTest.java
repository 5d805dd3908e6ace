package io.jenkins.plugins.gitopspromotion.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoints' answers, as serve and the Jenkins plugin send them, over a view made from a repository access. */
class ViewApiTest {

    @TempDir
    Path temp;

    @Test
    void answersEveryEndpointAndNamesEachMistakeWithItsStatus() throws Exception {
        try (Repository remote = BareRepos.create(temp.resolve("config.git"))) {
            ConfigRepositoryFixture.seed(remote);
            ViewApi api = new ViewApi(PromotionView.of(TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache"), 30)),
                    RepositoryAccess.of(temp.resolve("config.git").toString()), request -> request));

            ViewApi.Answer status = api.status();
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.json()).contains("\"environments\":[\"dev\",\"staging\",\"prod\"]").contains("\"app\":\"worker\"");
            assertThat(api.history("web", "dev").json()).contains("\"tag\":\"1.0.0\"");
            assertThat(api.history(null, "dev")).isEqualTo(ViewApi.Answer.error(400, "app is missing"));
            assertThat(api.history("nope", "dev").status()).isEqualTo(400);

            assertThat(api.promote("not json".getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(ViewApi.Answer.error(400, "the request body is not JSON"));
            assertThat(api.promote(new byte[ViewApi.MAX_BODY + 1]).status()).isEqualTo(413);
            assertThat(api.promote(json("{\"app\":\"web\",\"env\":\"prod\",\"env\":\"dev\"}"))).as("a key twice")
                    .isEqualTo(ViewApi.Answer.error(400, "the request body has a key twice; give each of app, env, to and reason once"));
            assertThat(api.rollback(json("{\"app\":\"web\",\"env\":\"dev\",\"x\":{\"to\":1,\"to\":2}}")).status())
                    .as("a key twice, deeper down").isEqualTo(400);
            assertThat(api.promote(json("{\"app\":\"web\",\"env\":\"prod\"}")).json()).contains("prod is the last environment");
            assertThat(BareRepos.log(remote, "main")).hasSize(1);

            // every environment of the fixture runs 1.0.0: promoting dev's version on into staging changes nothing
            ViewApi.Answer promoted = api.promote(json("{\"app\":\"web\",\"env\":\"dev\"}"));
            assertThat(promoted.status()).isEqualTo(200);
            assertThat(promoted.json()).contains("\"status\":\"unchanged\"").contains("\"env\":\"staging\"");
            assertThat(api.rollback(json("{\"app\":\"web\",\"env\":\"dev\"}")).status()).isEqualTo(409);

            ViewUser reader = new ViewUser() {
                @Override
                public void checkMayChange(String app, String environment) {
                    throw new ChangeForbiddenException("you may not change " + environment);
                }

                @Override
                public io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest.Builder record(
                        io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest.Builder request) {
                    return request;
                }
            };
            assertThat(api.promote(json("{\"app\":\"web\",\"env\":\"dev\"}"), reader))
                    .isEqualTo(ViewApi.Answer.error(403, "you may not change staging"));
            assertThat(api.rollback(json("{\"app\":\"web\",\"env\":\"dev\"}"), reader))
                    .isEqualTo(ViewApi.Answer.error(403, "you may not change dev"));
        }
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
