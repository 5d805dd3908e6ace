package io.jenkins.plugins.gitopspromotion.promotion;

import static io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture.DIGEST_A;
import static io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture.DIGEST_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.config.ConfigException;
import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.policy.HoldFile;
import io.jenkins.plugins.gitopspromotion.policy.HoldSummary;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.TestClock;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Holds against a real Git server over HTTP: placed by rollbacks, refusing promotions, overridden and released. */
class HoldPromotionTest {

    private static final String USER = "ci-bot";
    private static final String PASSWORD = "s3cret-Token-4242";
    private static final Instant NOW = Instant.parse("2026-12-06T07:40:00Z");
    private static final String JANE = "Jane Doe <jane@example.com>";

    @TempDir
    Path temp;

    private GitHttpServer server;
    private Repository remote;
    private RepositoryLocation location;
    private PromotionEngine engine;
    private final TestClock clock = new TestClock(NOW);

    @BeforeEach
    void start() throws Exception {
        server = GitHttpServer.start(temp.resolve("server"), USER, PASSWORD);
        remote = server.createRepository("config");
        ConfigRepositoryFixture.seed(remote);
        location = RepositoryLocation.parse(server.url("config").toString());
        engine = TestEngines.cleanBoundary(new MirrorCache(temp.resolve("cache"), 30)).withClock(clock);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private PromotionRequest.Builder request(String env, String app) {
        return PromotionRequest.builder(location, env).app(app).auth(GitAuth.password(USER, PASSWORD.toCharArray()));
    }

    private static VersionSource given(String tag, String digest) {
        return new VersionSource.Given(Optional.ofNullable(tag), Optional.ofNullable(digest).map(Digest::parse));
    }

    private static VersionSource rollback() {
        return new VersionSource.Rollback(Optional.empty());
    }

    private void webInDevAt120() throws IOException {
        engine.promote(request("dev", "web").version(given("1.1.0", DIGEST_A)).build());
        engine.promote(request("dev", "web").version(given("1.2.0", DIGEST_B)).build());
    }

    @Test
    void aRollbackHoldsItsCellInTheSameCommitAndPromotionsAreRefusedUntilReleased() throws Exception {
        webInDevAt120();

        PromotionResult back = engine.promote(request("dev", "web").version(rollback()).promotedBy(JANE)
                .reason("1.2.0 leaks memory").build());

        assertThat(back.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(back.files()).containsExactly("apps/web/dev/kustomization.yaml", HoldFile.PATH);
        RevCommit rollback = BareRepos.log(remote, "main").get(0);
        assertThat(rollback.getName()).isEqualTo(back.commit());
        assertThat(changedPaths(rollback)).containsExactly(HoldFile.PATH, "apps/web/dev/kustomization.yaml");
        assertThat(rollback.getFullMessage()).startsWith("Roll back web 1.2.0 → 1.1.0 in dev\n")
                .endsWith("\nPromoted-By: " + JANE + "\nHold-Reason: 1.2.0 leaks memory\n");
        assertThat(BareRepos.readFile(remote, "main", HoldFile.PATH)).isEqualTo(
                "# Cells held by rollbacks: promotions into them are refused until the hold is released\n"
                        + "# (gitops-promotion release --env ENV --app APP, or the promotion view's Release button).\n"
                        + "holds:\n  - app: web\n    env: dev\n    by: Jane Doe <jane@example.com>\n"
                        + "    at: \"2026-12-06T07:40:00Z\"\n    reason: 1.2.0 leaks memory\n");

        StatusReport status = engine.status(location, GitAuth.password(USER, PASSWORD.toCharArray()), "main");
        assertThat(status.cell("web", "dev").hold()).isEqualTo(new HoldSummary(JANE, "2026-12-06T07:40:00Z", "1.2.0 leaks memory"));
        assertThat(status.cell("web", "staging").hold()).isNull();
        assertThat(status.toJson()).contains("\"hold\" : {\n      \"by\" : \"Jane Doe <jane@example.com>\",");

        int pushes = server.receivePackCount();
        PromotionResult refused = engine.promote(request("dev", "web").version(given("1.3.0", null)).build());
        assertThat(refused.status()).isEqualTo(PromotionResult.Status.REFUSED);
        assertThat(refused.reason()).isEqualTo("dev is held for web (.gitops/holds.yaml): held by Jane Doe <jane@example.com>"
                + " since 2026-12-06T07:40:00Z: 1.2.0 leaks memory; release it with gitops-promotion release --env dev --app web,"
                + " or promote with --override-hold --reason TEXT in an emergency");
        assertThat(server.receivePackCount()).isEqualTo(pushes);
        assertThat(engine.promote(request("dev", "api").version(given("2.1.0", null)).build()).status())
                .as("other cells are not held").isEqualTo(PromotionResult.Status.PROMOTED);

        PromotionResult released = engine.promote(request("dev", "web").version(new VersionSource.Release())
                .promotedBy("Sam <sam@example.com>").reason("fixed in 1.3.0").build());
        assertThat(released.status()).isEqualTo(PromotionResult.Status.RELEASED);
        assertThat(released.reason()).isEqualTo("Release the hold on web in dev");
        assertThat(released.files()).containsExactly(HoldFile.PATH);
        assertThat(released.tag()).isNull();
        assertThat(BareRepos.log(remote, "main").get(0).getFullMessage()).isEqualTo("Release the hold on web in dev\n\n"
                + "web in dev was held by Jane Doe <jane@example.com> since 2026-12-06T07:40:00Z: 1.2.0 leaks memory.\n"
                + "Released: fixed in 1.3.0\n\n"
                + "Hold-Released: held by Jane Doe <jane@example.com> since 2026-12-06T07:40:00Z: 1.2.0 leaks memory\n"
                + "Promoted-By: Sam <sam@example.com>\n");
        assertThat(BareRepos.readFile(remote, "main", HoldFile.PATH)).endsWith("Release button).\nholds:\n");

        assertThat(engine.promote(request("dev", "web").version(new VersionSource.Release()).build()))
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(PromotionResult.Status.UNCHANGED);
                    assertThat(r.reason()).isEqualTo("web is not held in dev");
                });
        assertThat(engine.promote(request("dev", "web").version(given("1.3.0", null)).build()).status())
                .isEqualTo(PromotionResult.Status.PROMOTED);
    }

    @Test
    void overridingAHoldPromotesRecordsTheReasonAsATrailerAndKeepsTheHold() throws Exception {
        webInDevAt120();
        engine.promote(request("dev", "web").version(rollback()).reason("bad build").build());
        String holds = BareRepos.readFile(remote, "main", HoldFile.PATH);
        assertThat(holds).contains("    by: gitops-promotion <gitops-promotion@users.noreply.invalid>\n");

        PromotionResult forced = engine.promote(request("dev", "web").version(given("1.2.1", null)).overrideHold(true)
                .reason("INC-42: hotfix for the outage").build());

        assertThat(forced.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(forced.files()).containsExactly("apps/web/dev/kustomization.yaml");
        assertThat(BareRepos.log(remote, "main").get(0).getFullMessage()).startsWith("Promote web 1.1.0 → 1.2.1 to dev\n")
                .endsWith("\nHold-Overridden: INC-42: hotfix for the outage\n");
        assertThat(BareRepos.readFile(remote, "main", HoldFile.PATH)).as("an override is not a release").isEqualTo(holds);
        assertThat(engine.promote(request("dev", "web").version(given("1.2.2", null)).build()).status())
                .isEqualTo(PromotionResult.Status.REFUSED);
    }

    @Test
    void inBranchModeTheRollbackAndItsHoldAreOneProposalAndTheReleaseHasABranchOfItsOwn() throws Exception {
        BareRepos.commitFile(remote, "main", "apps/web/prod/kustomization.yaml", "# web in prod\nresources:\n- ../base\n"
                + "images:\n- name: ghcr.io/acme/web\n  newTag: \"1.1.0\"   # keep\n", "web 1.1.0 in prod by hand");

        PromotionResult proposed = engine.promote(request("prod", "web").version(rollback()).promotedBy(JANE).build());
        assertThat(proposed.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(proposed.branch()).isEqualTo("gitops-promotion/prod/web");
        assertThat(BareRepos.readFile(remote, "gitops-promotion/prod/web", HoldFile.PATH))
                .contains("    reason: Roll back web 1.1.0 → 1.0.0 in prod\n");
        assertThat(BareRepos.readFile(remote, "main", HoldFile.PATH)).as("held once merged").isNull();

        clock.advance(Duration.ofMinutes(5));
        int pushes = server.receivePackCount();
        PromotionResult again = engine.promote(request("prod", "web").version(rollback()).promotedBy(JANE).build());
        assertThat(again.status()).as("the hold keeps its time: the same change").isEqualTo(PromotionResult.Status.UNCHANGED);
        assertThat(again.reason()).isEqualTo("gitops-promotion/prod/web already proposes web 1.0.0 for prod");
        assertThat(server.receivePackCount()).isEqualTo(pushes);

        merge("gitops-promotion/prod/web");
        PromotionResult released = engine.promote(request("prod", "web").version(new VersionSource.Release()).build());
        assertThat(released.status()).isEqualTo(PromotionResult.Status.RELEASED);
        assertThat(released.branch()).isEqualTo("gitops-promotion/prod/_release-web");
        assertThat(released.reason()).isEqualTo("Release the hold on web in prod");
        assertThat(BareRepos.readFile(remote, "gitops-promotion/prod/_release-web", HoldFile.PATH)).endsWith("holds:\n");
        assertThat(BareRepos.readFile(remote, "main", HoldFile.PATH)).contains("app: web");
    }

    @Test
    void aHoldsFileThatCannotBeReadFailsThePromotionAndNamesTheLineAndKey() throws Exception {
        BareRepos.commitFile(remote, "main", HoldFile.PATH, "holds:\n  - app: web\n    env: dev\n    by: ops\n    at: soon\n"
                + "    reason: r\n", "a hold by hand");
        int pushes = server.receivePackCount();

        assertThatThrownBy(() -> engine.promote(request("dev", "web").version(given("1.3.0", null)).build()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitops/holds.yaml:5: holds[0].at: must be a UTC time such as 2026-12-06T07:40:00Z, not 'soon'");
        assertThat(server.receivePackCount()).isEqualTo(pushes);
    }

    @Test
    void aReasonAndAnOverrideGoWhereTheyMeanSomething() {
        assertThatThrownBy(() -> request("dev", "web").version(given("1.3.0", null)).overrideHold(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("overriding a hold needs a reason (--reason), recorded in the commit");
        assertThatThrownBy(() -> request("dev", "web").version(given("1.3.0", null)).reason("why not").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a reason goes with a rollback, a release, or overriding a hold or a freeze (--override-hold,"
                        + " --override-freeze)");
        assertThatThrownBy(() -> request("dev", "web").version(rollback()).overrideHold(true).reason("r").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("overriding a hold goes with a promotion: a rollback places a hold and is not frozen, a release"
                        + " removes a hold");
        assertThatThrownBy(() -> request("dev", "web").version(rollback()).reason("line\nbreak").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the reason must be one line of at most 500 characters, not 'line\\nbreak'");
    }

    /** A merge of a promotion branch, as the Git host does it when the branch is on top of the base. */
    private void merge(String branch) throws IOException {
        RefUpdate update = remote.updateRef("refs/heads/main");
        update.setNewObjectId(BareRepos.head(remote, branch));
        assertThat(update.update()).isEqualTo(RefUpdate.Result.FAST_FORWARD);
    }

    private List<String> changedPaths(RevCommit commit) throws IOException {
        try (RevWalk walk = new RevWalk(remote); TreeWalk tree = new TreeWalk(remote)) {
            tree.setRecursive(true);
            tree.addTree(walk.parseCommit(commit.getParent(0)).getTree());
            tree.addTree(walk.parseCommit(commit).getTree());
            tree.setFilter(org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF);
            List<String> paths = new java.util.ArrayList<>();
            while (tree.next()) {
                paths.add(tree.getPathString());
            }
            return paths;
        }
    }
}
