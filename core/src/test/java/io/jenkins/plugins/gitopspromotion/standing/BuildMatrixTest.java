package io.jenkins.plugins.gitopspromotion.standing;

import static io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture.DIGEST_A;
import static io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture.DIGEST_B;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import io.jenkins.plugins.gitopspromotion.standing.BuildMatrix.Mark;
import io.jenkins.plugins.gitopspromotion.standing.BuildMatrix.Place;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.LocalFixture;
import io.jenkins.plugins.gitopspromotion.view.PromotionView;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds × environments from a real repository: now, was, pending, never; promotions and rollbacks move the marks. */
class BuildMatrixTest {

    private static final BuiltVersion NEWEST = web("1.2.0", DIGEST_A);
    private static final BuiltVersion NEWER = web("1.1.0", DIGEST_B);
    /** The version the fixture seeds everywhere, pinned there by tag alone. */
    private static final BuiltVersion SEEDED = new BuiltVersion(ImageReference.parseName("ghcr.io/acme/web"), List.of("1.0.0"),
            Optional.empty());
    private static final BuiltVersion API = new BuiltVersion(ImageReference.parseName("ghcr.io/acme/api"), List.of("2.0.0"),
            Optional.empty());
    private static final BuiltVersion UNKNOWN = new BuiltVersion(ImageReference.parseName("ghcr.io/acme/unknown"), List.of("1.0.0"),
            Optional.empty());
    private static final List<BuiltVersion> BUILDS = List.of(NEWEST, UNKNOWN, NEWER, API, SEEDED);

    @TempDir
    Path dir;

    @Test
    void marksFollowPromotionsAndRollbacks() throws Exception {
        try (LocalFixture fixture = LocalFixture.create(dir)) {
            RepositoryAccess access = RepositoryAccess.of(fixture.location().toString());
            PromotionView view = PromotionView.of(fixture.engine(), access, r -> r);
            String seed = BareRepos.head(fixture.remote(), "main").name();

            BuildMatrix first = BuildMatrix.of(view, BUILDS);
            assertThat(first.environments()).containsExactly("dev", "staging", "prod");
            assertThat(first.apps()).extracting(BuildMatrix.AppMatrix::app).containsExactly("web", "api");
            assertThat(first.apps().get(0).rows()).extracting(BuildMatrix.Row::build).as("web's builds, in the order given")
                    .containsExactly(0, 2, 4);
            assertThat(places(first, "web", 4)).containsExactly(Place.NOW, Place.NOW, Place.NOW);
            assertThat(places(first, "web", 2)).containsExactly(Place.NEVER, Place.NEVER, Place.NEVER);
            assertThat(places(first, "api", 3)).containsExactly(Place.NOW, Place.NOW, Place.NOW);

            String promotedDev = promote(fixture, access, NEWER, "dev", new VersionSource.Given(NEWER.tag(), NEWER.digest()));
            promote(fixture, access, NEWER, "staging", new VersionSource.Given(NEWER.tag(), NEWER.digest()));
            BuildMatrix promoted = BuildMatrix.of(view, BUILDS);
            assertThat(places(promoted, "web", 2)).containsExactly(Place.NOW, Place.PENDING, Place.NEVER);
            assertThat(mark(promoted, "web", 2, 0).setBy().id()).isEqualTo(promotedDev);
            assertThat(mark(promoted, "web", 2, 1).pending().branch()).isEqualTo("gitops-promotion/staging/web");
            assertThat(places(promoted, "web", 4)).containsExactly(Place.WAS, Place.NOW, Place.NOW);
            assertThat(mark(promoted, "web", 4, 0).setBy().id()).as("the commit that set the old version").isEqualTo(seed);
            assertThat(places(promoted, "web", 0)).containsExactly(Place.NEVER, Place.NEVER, Place.NEVER);

            promote(fixture, access, NEWER, "dev", new VersionSource.Rollback(Optional.empty()));
            BuildMatrix rolledBack = BuildMatrix.of(view, BUILDS);
            assertThat(places(rolledBack, "web", 2)).containsExactly(Place.WAS, Place.PENDING, Place.NEVER);
            assertThat(places(rolledBack, "web", 4)).containsExactly(Place.NOW, Place.NOW, Place.NOW);
        }
    }

    private static List<Place> places(BuildMatrix matrix, String app, int build) {
        return row(matrix, app, build).marks().stream().map(Mark::place).toList();
    }

    private static Mark mark(BuildMatrix matrix, String app, int build, int env) {
        return row(matrix, app, build).marks().get(env);
    }

    private static BuildMatrix.Row row(BuildMatrix matrix, String app, int build) {
        return matrix.apps().stream().filter(a -> a.app().equals(app)).findFirst().orElseThrow().rows().stream()
                .filter(r -> r.build() == build).findFirst().orElseThrow();
    }

    private static String promote(LocalFixture fixture, RepositoryAccess access, BuiltVersion version, String env, VersionSource source)
            throws Exception {
        PromotionResult result = fixture.engine().promote(access.request(env).app("web").version(source).build());
        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        return result.commit();
    }

    private static BuiltVersion web(String tag, String digest) {
        return new BuiltVersion(ImageReference.parseName("ghcr.io/acme/web"), List.of(tag, "latest"), Optional.of(Digest.parse(digest)));
    }
}
