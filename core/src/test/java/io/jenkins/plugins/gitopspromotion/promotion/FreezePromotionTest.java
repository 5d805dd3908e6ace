package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.TestClock;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Freeze windows against a real Git server over HTTP, on a clock the test sets. */
class FreezePromotionTest {

    private static final String USER = "ci-bot";
    private static final String PASSWORD = "s3cret-Token-4242";

    /** dev is frozen over the holidays (Berlin time) and every weekend from Friday 18:00 to Monday 08:00. */
    private static final String FROZEN_DEV = ConfigRepositoryFixture.CONFIG.replace("    mode: commit\n", "    mode: commit\n"
            + "    gates:\n      freeze:\n        - {from: 2026-12-20T00:00, to: 2026-12-27T00:00, timezone: Europe/Berlin}\n"
            + "        - {cron: '0 18 * * 5', duration: 62h, timezone: Europe/Berlin}\n");

    @TempDir
    Path temp;

    private GitHttpServer server;
    private Repository remote;
    private RepositoryLocation location;
    private PromotionEngine engine;
    private final TestClock clock = new TestClock(Instant.parse("2026-12-22T10:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        server = GitHttpServer.start(temp.resolve("server"), USER, PASSWORD);
        remote = server.createRepository("config");
        ConfigRepositoryFixture.seed(remote);
        BareRepos.commitFile(remote, "main", ".gitops/promotion.yaml", FROZEN_DEV, "Freeze dev");
        location = RepositoryLocation.parse(server.url("config").toString());
        engine = TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache"), 30)).withClock(clock);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private PromotionRequest.Builder promote(String tag) {
        return PromotionRequest.builder(location, "dev").app("web").auth(GitAuth.password(USER, PASSWORD.toCharArray()))
                .version(new VersionSource.Given(Optional.of(tag), Optional.empty()));
    }

    @Test
    void insideAWindowAPromotionIsRefusedSayingUntilWhenAndWhichWindow() throws Exception {
        int pushes = server.receivePackCount();

        PromotionResult refused = engine.promote(promote("1.1.0").build());

        assertThat(refused.status()).isEqualTo(PromotionResult.Status.REFUSED);
        assertThat(refused.reason()).isEqualTo("dev is frozen until 2026-12-27T00:00+01:00 (Europe/Berlin): gates.freeze[0] of dev"
                + " in .gitops/promotion.yaml, 2026-12-20T00:00 to 2026-12-27T00:00 Europe/Berlin; promote with --override-freeze"
                + " --reason TEXT in an emergency");
        assertThat(server.receivePackCount()).isEqualTo(pushes);
        assertThat(engine.promote(PromotionRequest.builder(location, "staging").app("web")
                .auth(GitAuth.password(USER, PASSWORD.toCharArray())).version(new VersionSource.Given(Optional.of("1.0.0"),
                        Optional.empty())).build()).status())
                .as("other environments are not frozen").isEqualTo(PromotionResult.Status.UNCHANGED);
    }

    @Test
    void aWeeklyWindowRefusesFromFridayEveningToMondayMorningInItsOwnTimeZone() throws Exception {
        clock.set(Instant.parse("2026-12-04T17:00:00Z")); // Friday 18:00 in Berlin
        assertThat(engine.promote(promote("1.1.0").build()).reason())
                .isEqualTo("dev is frozen until 2026-12-07T08:00+01:00 (Europe/Berlin): gates.freeze[1] of dev in"
                        + " .gitops/promotion.yaml, '0 18 * * 5' for 62h Europe/Berlin; promote with --override-freeze --reason TEXT"
                        + " in an emergency");

        clock.set(Instant.parse("2026-12-07T07:00:00Z")); // Monday 08:00 in Berlin
        PromotionResult monday = engine.promote(promote("1.1.0").build());
        assertThat(monday.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml")).contains("newTag: \"1.1.0\"");
    }

    @Test
    void anOverrideGoesInAndIsRecordedAsATrailerAndARollbackIsNotFrozen() throws Exception {
        assertThatThrownBy(() -> promote("1.1.0").overrideFreeze(true).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("overriding a freeze needs a reason (--reason), recorded in the commit");

        PromotionResult forced = engine.promote(promote("1.1.0").overrideFreeze(true).reason("INC-9: payment outage").build());

        assertThat(forced.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(BareRepos.log(remote, "main").get(0).getFooterLines("Freeze-Overridden"))
                .containsExactly("INC-9: payment outage");
        PromotionResult back = engine.promote(PromotionRequest.builder(location, "dev").app("web")
                .auth(GitAuth.password(USER, PASSWORD.toCharArray())).version(new VersionSource.Rollback(Optional.empty())).build());
        assertThat(back.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(back.tag()).isEqualTo("1.0.0");
    }
}
