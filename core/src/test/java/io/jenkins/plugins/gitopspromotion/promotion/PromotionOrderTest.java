package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Orders as the Jenkins plugin sends them to an agent: serialized, then run against a real Git server. */
class PromotionOrderTest {

    private static final String USER = "ci-bot";
    private static final String PASSWORD = "order-Token-7731";

    @TempDir
    Path temp;

    private GitHttpServer server;
    private Repository remote;
    private RepositoryAccess access;
    private PromotionEngine engine;

    @BeforeEach
    void start() throws Exception {
        server = GitHttpServer.start(temp.resolve("server"), USER, PASSWORD);
        remote = server.createRepository("config");
        ConfigRepositoryFixture.seed(remote);
        access = new RepositoryAccess(server.url("config").toString(), "main",
                AccessCredentials.password(USER, PASSWORD.toCharArray()), "none", null, null);
        engine = TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache"), 30));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aSerializedOrderPromotesAndRollsBack() throws Exception {
        PromotionOrder promote = travel(PromotionOrder.promote(access, "dev").app("web").tag("1.5.0")
                .provenance("https://ci.example/job/web/7/", "0123abcd", null).check());
        PromotionResult promoted = engine.promote(promote.request());
        assertThat(promoted.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml")).contains("newTag: \"1.5.0\"");
        assertThat(BareRepos.log(remote, "main").get(0).getFullMessage()).contains("Build-Url: https://ci.example/job/web/7/");

        PromotionResult rolledBack = engine.promote(travel(PromotionOrder.rollback(access, "dev", "web", null)).request());
        assertThat(rolledBack.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(rolledBack.tag()).isEqualTo("1.0.0");
        assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml")).contains("newTag: \"1.0.0\"");
    }

    @Test
    void anImageWithItsVersionFindsTheApp() throws Exception {
        PromotionResult result = engine.promote(PromotionOrder.promote(access, "dev")
                .image("ghcr.io/acme/web:1.6.0@" + ConfigRepositoryFixture.DIGEST_A).request());
        assertThat(result.app()).isEqualTo("web");
        assertThat(result.digest()).isEqualTo(ConfigRepositoryFixture.DIGEST_A);
    }

    @Test
    void aNewImageNameTravelsWithTheOrderAndIsCheckedBeforeAnyWork() throws Exception {
        PromotionOrder order = travel(PromotionOrder.promote(access, "dev").app("web").tag("1.6.0")
                .imageName("registry.acme.example/web").check());
        assertThat(order.request().imageName()).contains(ImageReference.parseName("registry.acme.example/web"));
        assertThat(PromotionOrder.promote(access, "dev").app("web").tag("1.6.0").imageName(" ").request().imageName()).isEmpty();
        assertThatThrownBy(() -> PromotionOrder.promote(access, "dev").app("web").tag("1").imageName("registry.acme.example/web:2")
                .check()).hasMessageContaining("image name 'registry.acme.example/web:2' has a tag");
        assertThatThrownBy(() -> PromotionOrder.promote(access, "staging").app("web").from("dev").imageName("registry.acme.example/web")
                .check()).hasMessageContaining("a new image name goes with a given tag or digest");
    }

    @Test
    void badInputIsNamedBeforeAnyWork() throws Exception {
        assertThatThrownBy(() -> PromotionOrder.promote(access, "dev").tag("1").check())
                .hasMessageContaining("either by its name or by its image");
        assertThatThrownBy(() -> PromotionOrder.promote(access, "dev").app("web").image("ghcr.io/acme/web").tag("1").check())
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> PromotionOrder.promote(access, " ").app("web").tag("1").check())
                .hasMessageContaining("give the environment");
        assertThatThrownBy(() -> PromotionOrder.promote(access, "dev").app("web").tag("1").mode("yolo").check())
                .hasMessageContaining("mode yolo: use one of");
        assertThatThrownBy(() -> PromotionOrder.promote(access, "dev").app("web").tag("1").boundary("maybe").check())
                .hasMessageContaining("boundary maybe: use one of");
        assertThatThrownBy(() -> PromotionOrder.rollback(access, "dev", "web", "bad tag;rm").check())
                .hasMessageContaining("bad tag;rm");
        assertThatThrownBy(() -> PromotionOrder.promote(access, "dev").app("web").tag("1")
                .provenance("https://ci.example/7/\nReviewed-by: boss", null, null).check())
                .hasMessage("the build URL 'https://ci.example/7/\\nReviewed-by: boss' contains a control character at index 21;"
                        + " it goes into a commit trailer and the pull request, which take one line");
        RepositoryAccess github = new RepositoryAccess("https://github.example/acme/config.git", null, null, "github", null, null);
        assertThatThrownBy(() -> PromotionOrder.promote(github, "dev").app("web").tag("1").check())
                .hasMessage("the provider github needs an API token");
        assertThat(BareRepos.log(remote, "main")).hasSize(1);
    }

    @Test
    void theSecretTravelsButIsNeverPrinted() throws Exception {
        PromotionOrder order = PromotionOrder.promote(access, "dev").app("web").tag("1.5.0");
        assertThat(order.toString()).doesNotContain(PASSWORD).contains("web");
        assertThat(access.toString()).doesNotContain(PASSWORD).contains("password of ci-bot");
        assertThat(travel(order).access().credentials().apiToken()).isPresent();
    }

    private static PromotionOrder travel(PromotionOrder order) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialize(order)))) {
            return (PromotionOrder) in.readObject();
        }
    }

    private static byte[] serialize(PromotionOrder order) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(order);
        }
        return bytes.toByteArray();
    }
}
