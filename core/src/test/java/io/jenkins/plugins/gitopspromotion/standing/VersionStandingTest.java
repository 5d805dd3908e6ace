package io.jenkins.plugins.gitopspromotion.standing;

import static io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture.DIGEST_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import io.jenkins.plugins.gitopspromotion.standing.EnvironmentStanding.Presence;
import io.jenkins.plugins.gitopspromotion.standing.EnvironmentStanding.Verdict;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.LocalFixture;
import io.jenkins.plugins.gitopspromotion.view.PromotionView;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a build's version stands, from a real repository: what each environment runs, and where it may go next. */
class VersionStandingTest {

    private static final BuiltVersion BUILT = new BuiltVersion(ImageReference.parseName("ghcr.io/acme/web"), List.of("1.1.0", "latest"),
            Optional.of(Digest.parse(DIGEST_B)));

    @TempDir
    Path dir;

    private List<EnvironmentStanding> web(LocalFixture fixture) throws Exception {
        RepositoryAccess access = RepositoryAccess.of(fixture.location().toString());
        List<AppStanding> standings = VersionStanding.of(PromotionView.of(fixture.engine(), access, r -> r), fixture.engine(), access,
                BUILT, request -> request);
        assertThat(standings).extracting(AppStanding::app).containsExactly("web");
        return standings.get(0).environments();
    }

    @Test
    void aNewVersionMayEnterTheFirstEnvironmentOnlyAndEachStepOpensTheNext() throws Exception {
        try (LocalFixture fixture = LocalFixture.create(dir)) {
            String before = BareRepos.head(fixture.remote(), "main").name();

            assertThat(web(fixture)).extracting(EnvironmentStanding::env, EnvironmentStanding::presence, EnvironmentStanding::verdict)
                    .containsExactly(tuple("dev", Presence.ABSENT, Verdict.MAY_ENTER), tuple("staging", Presence.ABSENT, Verdict.REFUSED),
                            tuple("prod", Presence.ABSENT, Verdict.REFUSED));
            assertThat(web(fixture).get(1).reason()).startsWith("staging requires dev to have web " + DIGEST_B);
            assertThat(BareRepos.head(fixture.remote(), "main").name()).as("dry runs push nothing").isEqualTo(before);

            promote(fixture, "dev");
            List<EnvironmentStanding> afterDev = web(fixture);
            assertThat(afterDev).extracting(EnvironmentStanding::presence, EnvironmentStanding::verdict).containsExactly(
                    tuple(Presence.HERE, Verdict.THERE), tuple(Presence.ABSENT, Verdict.MAY_ENTER), tuple(Presence.ABSENT, Verdict.REFUSED));
            assertThat(afterDev.get(0).runs()).isEqualTo("1.1.0@" + DIGEST_B);

            promote(fixture, "staging"); // pull-request mode without a provider: a promotion branch
            EnvironmentStanding staging = web(fixture).get(1);
            assertThat(staging.presence()).isEqualTo(Presence.PENDING);
            assertThat(staging.verdict()).isEqualTo(Verdict.PROPOSED);
            assertThat(staging.pending().branch()).isEqualTo("gitops-promotion/staging/web");
            assertThat(staging.pending().pullRequest()).as("no provider is set").isNull();
            assertThat(staging.runs()).doesNotContain("1.1.0");
        }
    }

    @Test
    void anEnvironmentThatPinsOnlyATagHasTheVersionOfThatTagWhateverItsDigest() throws Exception {
        try (LocalFixture fixture = LocalFixture.create(dir)) {
            BuiltVersion seeded = new BuiltVersion(ImageReference.parseName("ghcr.io/acme/web"), List.of("1.0.0"),
                    Optional.of(Digest.parse(DIGEST_B)));
            RepositoryAccess access = RepositoryAccess.of(fixture.location().toString());
            assertThat(VersionStanding.of(PromotionView.of(fixture.engine(), access, r -> r), fixture.engine(), access, seeded, r -> r)
                    .get(0).environments()).extracting(EnvironmentStanding::presence)
                    .containsExactly(Presence.HERE, Presence.HERE, Presence.HERE);
        }
    }

    @Test
    void aVersionOfAnImageNoAppUsesStandsNowhere() throws Exception {
        try (LocalFixture fixture = LocalFixture.create(dir)) {
            BuiltVersion other = new BuiltVersion(ImageReference.parseName("ghcr.io/acme/unknown"), List.of("1.0.0"), Optional.empty());
            RepositoryAccess access = RepositoryAccess.of(fixture.location().toString());
            assertThat(VersionStanding.of(PromotionView.of(fixture.engine(), access, r -> r), fixture.engine(), access, other, r -> r))
                    .isEmpty();
        }
    }

    private static void promote(LocalFixture fixture, String env) throws Exception {
        PromotionResult result = fixture.engine().promote(RepositoryAccess.of(fixture.location().toString()).request(env).app("web")
                .version(new VersionSource.Given(BUILT.tag(), BUILT.digest())).build());
        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
    }
}
