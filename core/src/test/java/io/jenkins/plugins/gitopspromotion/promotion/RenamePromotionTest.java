package io.jenkins.plugins.gitopspromotion.promotion;

import static io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture.DIGEST_A;
import static io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture.DIGEST_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.LocalFixture;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry move through whole promotions: the app keeps the name it is known by, a promotion sets name and version
 * together, a version taken from another environment (or from history) comes with its name, and {@code requires}
 * wants the name there too.
 */
class RenamePromotionTest {

    private static final String MOVED = "registry.acme.example/web";
    private static final String DEV = "apps/web/dev/kustomization.yaml";

    @TempDir
    Path temp;

    private LocalFixture fixture;
    private Repository remote;
    private PromotionEngine engine;

    @BeforeEach
    void repository() throws Exception {
        fixture = LocalFixture.create(temp);
        remote = fixture.remote();
        engine = fixture.engine();
        BareRepos.commitFile(remote, "main", ".gitops/promotion.yaml", ConfigRepositoryFixture.configWithOtherName(MOVED),
                "web may move to another registry");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private PromotionRequest.Builder request(String env) {
        return PromotionRequest.builder(fixture.location(), env).app("web");
    }

    private static VersionSource given(String tag, String digest) {
        return new VersionSource.Given(Optional.ofNullable(tag), Optional.ofNullable(digest).map(Digest::parse));
    }

    @Test
    void aPromotionSetsNameAndVersionTogetherAndTheNextEnvironmentTakesBoth() throws Exception {
        PromotionResult moved = engine.promote(request("dev").version(given("2.0.0", DIGEST_A))
                .imageName(ImageReference.parseName(MOVED)).build());

        assertThat(moved.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(moved.image()).as("the app keeps its identity").isEqualTo("ghcr.io/acme/web");
        assertThat(moved.imageName()).isEqualTo(MOVED);
        assertThat(moved.reason()).isEqualTo("Promote web 1.0.0 → " + MOVED + ":2.0.0 to dev");
        assertThat(BareRepos.readFile(remote, "main", DEV)).isEqualTo("# web in dev\nresources:\n- ../base\nimages:\n"
                + "- name: ghcr.io/acme/web\n  newTag: \"2.0.0\"   # keep\n  newName: " + MOVED + "\n  digest: " + DIGEST_A + "\n");
        assertThat(BareRepos.log(remote, "main").get(0).getFullMessage()).contains("\nPromoted-Image: " + MOVED + ":2.0.0\n");

        PromotionResult staged = engine.promote(request("staging").version(new VersionSource.FromEnvironment("dev")).build());

        assertThat(staged.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(staged.imageName()).isEqualTo(MOVED);
        assertThat(BareRepos.readFile(remote, "gitops-promotion/staging/web", "apps/web/staging/kustomization.yaml"))
                .contains("newName: " + MOVED + "\n").contains("newTag: \"2.0.0\"").contains("digest: " + DIGEST_A);
    }

    @Test
    void askingForTheAppByAnotherOfItsNamesMovesItThereAndANameNotListedIsRefused() throws Exception {
        PromotionResult result = engine.promote(PromotionRequest.builder(fixture.location(), "dev")
                .image(ImageReference.parse(MOVED + ":2.0.0")).version(given("2.0.0", null)).build());
        assertThat(result.app()).isEqualTo("web");
        assertThat(BareRepos.readFile(remote, "main", DEV)).contains("newName: " + MOVED + "\n");

        PromotionResult same = engine.promote(PromotionRequest.builder(fixture.location(), "dev")
                .image(ImageReference.parse("ghcr.io/acme/web:2.0.0")).version(given("2.0.0", null)).build());
        assertThat(same.status()).as("the name the app is known by finds it and keeps the names the files have")
                .isEqualTo(PromotionResult.Status.UNCHANGED);

        assertThatThrownBy(() -> engine.promote(request("dev").version(given("2.0.0", null))
                .imageName(ImageReference.parseName("mirror.internal/web")).build()))
                .isInstanceOf(PromotionException.class)
                .hasMessage("mirror.internal/web is not a name of app web (ghcr.io/acme/web (also " + MOVED + ")); list it in"
                        + " the app's otherNames in .gitops/promotion.yaml to move the image there");
    }

    @Test
    void requiresWantsTheNewNameUpstreamAndARollbackGoesBackToTheOldName() throws Exception {
        String before = BareRepos.readFile(remote, "main", DEV);
        engine.promote(request("dev").version(given("2.0.0", DIGEST_A)).imageName(ImageReference.parseName(MOVED)).build());

        PromotionResult refused = engine.promote(request("staging").version(given("2.0.0", DIGEST_A))
                .imageName(ImageReference.parseName("ghcr.io/acme/web")).build());
        assertThat(refused.status()).isEqualTo(PromotionResult.Status.REFUSED);
        assertThat(refused.reason()).isEqualTo("staging requires dev to have web ghcr.io/acme/web " + DIGEST_A + " first; dev has "
                + MOVED + " 2.0.0@" + DIGEST_A + " on the base branch");

        engine.promote(request("dev").version(given("2.1.0", DIGEST_B)).build());
        assertThat(BareRepos.readFile(remote, "main", DEV)).as("without a new name the name stays").contains("newName: " + MOVED);

        PromotionResult back = engine.promote(request("dev").version(new VersionSource.Rollback(Optional.of("1.0.0"))).build());
        assertThat(back.reason()).isEqualTo("Roll back web 2.1.0 → ghcr.io/acme/web:1.0.0 in dev");
        assertThat(BareRepos.readFile(remote, "main", DEV)).as("back to the name the entry matches: no newName, as before")
                .isEqualTo(before);
    }

    @Test
    void aNewNameGoesWithAGivenVersionOnly() {
        assertThatThrownBy(() -> request("staging").version(new VersionSource.FromEnvironment("dev"))
                .imageName(ImageReference.parseName(MOVED)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a new image name goes with a given tag or digest");
        assertThatThrownBy(() -> request("dev").version(given("2.0.0", null)).imageName(ImageReference.parse(MOVED + ":2.0.0")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a name without tag or digest");
    }
}
