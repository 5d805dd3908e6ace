package io.jenkins.plugins.gitopspromotion.promotion;

import static io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture.DIGEST_A;
import static io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture.DIGEST_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.git.GitAuth;
import io.jenkins.plugins.gitopspromotion.git.MirrorCache;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryFinding;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryMode;
import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import io.jenkins.plugins.gitopspromotion.testing.ReceiveHooks;
import io.jenkins.plugins.gitopspromotion.testing.TestEngines;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine against a real Git server over HTTP with basic auth (JGit's GitServlet on Jetty). */
class PromotionEngineTest {

    private static final String USER = "ci-bot";
    private static final String PASSWORD = "s3cret-Token-4242";

    @TempDir
    Path temp;

    private GitHttpServer server;
    private Repository remote;
    private RepositoryLocation location;
    private PromotionEngine engine;
    private Path cacheDir;

    @BeforeEach
    void start() throws Exception {
        server = GitHttpServer.start(temp.resolve("server"), USER, PASSWORD);
        remote = server.createRepository("config");
        ConfigRepositoryFixture.seed(remote);
        location = RepositoryLocation.parse(server.url("config").toString());
        cacheDir = temp.resolve("cache");
        engine = TestEngines.cleanBoundary(new MirrorCache(cacheDir, 30));
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

    @Test
    void commitModePushesOneCommitWithTrailersAndOnlyTheValueChanged() throws Exception {
        RevCommit before = BareRepos.log(remote, "main").get(0);

        PromotionResult result = engine.promote(request("dev", "web").version(given("1.1.0", DIGEST_A))
                .buildUrl("https://ci.example.com/job/web/7/").build());

        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(result.branch()).isEqualTo("main");
        assertThat(result.files()).containsExactly("apps/web/dev/kustomization.yaml");
        List<RevCommit> log = BareRepos.log(remote, "main");
        assertThat(log).hasSize(2);
        assertThat(log.get(0).getName()).isEqualTo(result.commit());
        assertThat(log.get(0).getParent(0)).isEqualTo(before);
        assertThat(log.get(0).getFullMessage())
                .startsWith("Promote web 1.0.0 → 1.1.0 to dev\n")
                .contains("\nPromoted-Image: ghcr.io/acme/web:1.1.0\nPromoted-Digest: " + DIGEST_A
                        + "\nBuild-Url: https://ci.example.com/job/web/7/\n");
        assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml")).isEqualTo("# web in dev\nresources:\n"
                + "- ../base\nimages:\n- name: ghcr.io/acme/web\n  newTag: \"1.1.0\"   # keep\n  digest: " + DIGEST_A + "\n");
    }

    @Test
    void promotingWhatIsThereIsUnchangedAndPushesNothing() throws Exception {
        engine.promote(request("dev", "web").version(given("1.1.0", null)).build());
        int pushes = server.receivePackCount();

        PromotionResult again = engine.promote(request("dev", "web").version(given("1.1.0", null)).build());

        assertThat(again.status()).isEqualTo(PromotionResult.Status.UNCHANGED);
        assertThat(again.reason()).isEqualTo("dev already has web 1.1.0");
        assertThat(server.receivePackCount()).isEqualTo(pushes);
        assertThat(BareRepos.log(remote, "main")).hasSize(2);
    }

    @Test
    void branchModeProposesOnItsOwnBranchUpdatedInPlaceAndTheBaseStaysUntouched() throws Exception {
        engine.promote(request("dev", "web").version(given("1.1.0", DIGEST_A)).build());
        RevCommit mainTip = BareRepos.log(remote, "main").get(0);

        PromotionResult staged = engine.promote(request("staging", "web").version(new VersionSource.FromEnvironment("dev")).build());

        assertThat(staged.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(staged.branch()).isEqualTo("gitops-promotion/staging/web");
        assertThat(staged.tag()).isEqualTo("1.1.0");
        assertThat(staged.digest()).isEqualTo(DIGEST_A);
        assertThat(BareRepos.log(remote, "main").get(0)).isEqualTo(mainTip);
        List<RevCommit> branch = BareRepos.log(remote, "gitops-promotion/staging/web");
        assertThat(branch.get(0).getParent(0)).isEqualTo(mainTip);
        assertThat(branch.get(0).getFullMessage()).contains("\nPromoted-From: dev\n");
        assertThat(BareRepos.readFile(remote, "gitops-promotion/staging/web", "apps/web/staging/kustomization.yaml"))
                .contains("newTag: \"1.1.0\"").contains("digest: " + DIGEST_A);

        int pushes = server.receivePackCount();
        assertThat(engine.promote(request("staging", "web").version(new VersionSource.FromEnvironment("dev")).build()).status())
                .isEqualTo(PromotionResult.Status.UNCHANGED);
        assertThat(server.receivePackCount()).isEqualTo(pushes);

        engine.promote(request("dev", "web").version(given("1.2.0", DIGEST_B)).build());
        PromotionResult newer = engine.promote(request("staging", "web").version(given("1.2.0", DIGEST_B)).build());
        assertThat(newer.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        List<RevCommit> updated = BareRepos.log(remote, "gitops-promotion/staging/web");
        assertThat(updated.get(0).getParent(0)).isEqualTo(BareRepos.log(remote, "main").get(0));
        assertThat(updated.get(1)).as("one promotion commit on top of the base").isEqualTo(BareRepos.log(remote, "main").get(0));
    }

    @Test
    void requiresIsMetOnlyByTheBaseBranch() throws Exception {
        PromotionResult refused = engine.promote(request("staging", "api").version(given("2.1.0", DIGEST_A)).build());
        assertThat(refused.status()).isEqualTo(PromotionResult.Status.REFUSED);
        assertThat(refused.reason()).contains("staging requires dev to have api " + DIGEST_A + " first; dev has 2.0.0");
        assertThat(BareRepos.log(remote, "main")).hasSize(1);
        assertThat(BareRepos.head(remote, "gitops-promotion/staging/api")).isNull();

        engine.promote(request("dev", "api").version(given("2.1.0", DIGEST_A)).build());
        assertThat(engine.promote(request("staging", "api").version(given("2.1.0", DIGEST_A)).build()).status())
                .isEqualTo(PromotionResult.Status.PROMOTED);
        // prod requires staging, whose promotion is only pending on a branch: not enough.
        PromotionResult prod = engine.promote(request("prod", "api").version(given("2.1.0", DIGEST_A)).build());
        assertThat(prod.status()).isEqualTo(PromotionResult.Status.REFUSED);
        assertThat(prod.reason()).contains("prod requires staging");
    }

    @Test
    void clusterCredentialsWithinReachRefuseOrWarnAsAsked() throws Exception {
        PromotionEngine exposed = new PromotionEngine(new MirrorCache(cacheDir, 30), YamlLimits.DEFAULT,
                10, settings -> { throw new AssertionError("no pull requests here"); },
                () -> List.of(new BoundaryFinding("kubeconfig", "file /home/ci/.kube/config",
                        "remove it")));

        PromotionResult refused = exposed.promote(request("dev", "web").version(given("1.1.0", null)).build());
        assertThat(refused.status()).isEqualTo(PromotionResult.Status.REFUSED);
        assertThat(refused.reason()).startsWith("cluster credentials within reach of this process (kubeconfig: file /home/ci/.kube/config)");
        assertThat(server.receivePackCount()).isZero();

        PromotionResult warned = exposed.promote(request("dev", "web").version(given("1.1.0", null))
                .boundary(BoundaryMode.WARN).build());
        assertThat(warned.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(warned.warnings()).containsExactly("cluster credentials within reach: kubeconfig: file /home/ci/.kube/config");

        PromotionResult unchecked = exposed.promote(request("dev", "web").version(given("1.2.0", null))
                .boundary(BoundaryMode.OFF).build());
        assertThat(unchecked.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(unchecked.warnings()).isEmpty();
    }

    @Test
    void anOverlayHoldingAPlaintextSecretIsRefusedWithTheValueMaskedUnlessAllowed() throws Exception {
        String password = "hunter2-" + "Sup3rS3cret-" + "value";
        String secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: web-db\ntype: Opaque\nstringData:\n  password: "
                + password + "\n";
        BareRepos.commitFile(remote, "main", "apps/web/dev/secret.yaml", secret, "a Secret in plain text");

        PromotionResult refused = engine.promote(request("dev", "web").version(given("1.1.0", null)).build());

        assertThat(refused.status()).isEqualTo(PromotionResult.Status.REFUSED);
        assertThat(refused.reason()).startsWith("secrets in apps/web/dev, which dev deploys: ")
                .contains("apps/web/dev/secret.yaml:7").doesNotContain(password).doesNotContain("Sup3rS3cret");
        assertThat(refused.toJson()).doesNotContain(password);
        assertThat(BareRepos.log(remote, "main")).hasSize(2);

        BareRepos.commitFile(remote, "main", ".gitops/promotion.yaml", ConfigRepositoryFixture.CONFIG.replace(
                "    mode: commit\n", "    mode: commit\n    allowPlaintextSecrets: true\n"), "dev allows plaintext Secrets");
        assertThat(engine.promote(request("dev", "web").version(given("1.1.0", null)).build()).status())
                .isEqualTo(PromotionResult.Status.PROMOTED);
    }

    @Test
    void anEnvironmentThatPinsDigestsRefusesATagAlone() throws Exception {
        BareRepos.commitFile(remote, "main", ".gitops/promotion.yaml", ConfigRepositoryFixture.CONFIG.replace(
                "    mode: commit\n", "    mode: commit\n    pinDigest: true\n"), "dev pins digests");

        PromotionResult refused = engine.promote(request("dev", "web").version(given("1.1.0", null)).build());
        assertThat(refused.status()).isEqualTo(PromotionResult.Status.REFUSED);
        assertThat(refused.reason()).isEqualTo("dev pins digests (pinDigest: true): promote web 1.1.0 with its digest (--digest,"
                + " or --from an environment that has it)");
        assertThat(engine.promote(request("dev", "web").version(given("1.1.0", DIGEST_A)).build()).status())
                .isEqualTo(PromotionResult.Status.PROMOTED);
    }

    @Test
    void aPushThatLosesARaceIsAppliedAgainOnTheNewTip() throws Exception {
        server.interceptReceive(ReceiveHooks.chain(ReceiveHooks.landCommit("main", "apps/web/dev/NOTES.md", "another build"),
                ReceiveHooks.cannotLockRef()));

        PromotionResult result = engine.promote(request("dev", "web").version(given("1.1.0", null)).build());

        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        List<RevCommit> log = BareRepos.log(remote, "main");
        assertThat(log).extracting(RevCommit::getShortMessage)
                .containsExactly("Promote web 1.0.0 → 1.1.0 to dev", "Competing change to apps/web/dev/NOTES.md", "Config repository");
        assertThat(BareRepos.isLinear(remote, "main")).isTrue();
        assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/NOTES.md")).isEqualTo("another build");
        assertThat(server.receivePackCount()).isEqualTo(2);
    }

    @Test
    void aPushRefusedForAnotherReasonIsNotRetriedAndSaysWhy() throws Exception {
        server.interceptReceive(ReceiveHooks.reject("GH006: Protected branch update failed for refs/heads/main"));

        assertThatThrownBy(() -> engine.promote(request("dev", "web").version(given("1.1.0", null)).build()))
                .isInstanceOf(PromotionException.class)
                .hasMessageContaining("refused the push to main: GH006: Protected branch update failed");
        assertThat(server.receivePackCount()).isEqualTo(1);
        assertThat(BareRepos.log(remote, "main")).hasSize(1);
    }

    @Test
    void aWrongPasswordNamesTheUrlAndNeverThePassword() {
        PromotionRequest wrong = PromotionRequest.builder(location, "dev").app("web").version(given("1.1.0", null))
                .auth(GitAuth.password(USER, "wrong-Password-99".toCharArray())).build();

        assertThatThrownBy(() -> engine.promote(wrong))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(server.url("config").toString())
                .hasMessageContaining("not authorized")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-Password-99").doesNotContain(PASSWORD));
    }

    @Test
    void theMirrorKeepsNoCredentialsAndIsReusedByTheNextPromotion() throws Exception {
        engine.promote(request("dev", "web").version(given("1.1.0", null)).build());
        server.resetCounters();
        engine.promote(request("dev", "api").version(given("2.1.0", null)).build());

        assertThat(server.packsServed()).as("nothing new to fetch the second time").isZero();
        try (Stream<Path> files = Files.walk(cacheDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(PASSWORD);
            }
        }
        Path config = Files.list(cacheDir).filter(p -> p.toString().endsWith(".git")).findFirst().orElseThrow().resolve("config");
        assertThat(Files.readString(config)).doesNotContain("url").doesNotContain(USER);
    }

    @Test
    void aCorruptOrHalfBuiltMirrorIsRebuiltNotTrusted() throws Exception {
        engine.promote(request("dev", "web").version(given("1.1.0", null)).build());
        Path mirror = Files.list(cacheDir).filter(p -> p.toString().endsWith(".git")).findFirst().orElseThrow();
        try (Stream<Path> objects = Files.walk(mirror.resolve("objects"))) {
            for (Path object : objects.filter(Files::isRegularFile).toList()) {
                Files.write(object, new byte[] {0, 1, 2}); // every object and pack damaged
            }
        }
        assertThat(engine.promote(request("dev", "web").version(given("1.2.0", null)).build()).status())
                .isEqualTo(PromotionResult.Status.PROMOTED);

        Files.delete(mirror.resolve("gitops-promotion-mirror-complete")); // as if the first fetch had been cut off
        assertThat(engine.promote(request("dev", "web").version(given("1.3.0", null)).build()).status())
                .isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml")).contains("1.3.0");
    }

    @Test
    void rollbackGoesBackToThePreviousOrANamedVersionAsAPromotion() throws Exception {
        engine.promote(request("dev", "web").version(given("1.1.0", DIGEST_A)).build());
        engine.promote(request("dev", "web").version(given("1.2.0", DIGEST_B)).build());

        PromotionResult back = engine.promote(request("dev", "web").version(new VersionSource.Rollback(Optional.empty())).build());
        assertThat(back.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(back.tag()).isEqualTo("1.1.0");
        assertThat(back.digest()).isEqualTo(DIGEST_A);
        assertThat(BareRepos.log(remote, "main").get(0).getShortMessage()).isEqualTo("Roll back web 1.2.0 → 1.1.0 in dev");

        PromotionResult named = engine.promote(request("dev", "web").version(new VersionSource.Rollback(Optional.of("1.0.0"))).build());
        assertThat(named.tag()).isEqualTo("1.0.0");
        assertThat(named.digest()).isNull();
        assertThatThrownBy(() -> engine.promote(request("dev", "web").version(new VersionSource.Rollback(Optional.of("0.1"))).build()))
                .isInstanceOf(PromotionException.class).hasMessageContaining("web never had the tag 0.1 in dev");
    }

    @Test
    void aMalformedOldDigestIsOverwrittenAndTakingItFromAnEnvironmentNamesItsFileAndLine() throws Exception {
        String overlay = "# web in dev\nresources:\n- ../base\nimages:\n- name: ghcr.io/acme/web\n  newTag: \"1.0.0\"\n"
                + "  digest: sha256:abcdef12345\n";
        BareRepos.commitFile(remote, "main", "apps/web/dev/kustomization.yaml", overlay, "a digest pinned by hand");

        assertThatThrownBy(() -> engine.promote(request("staging", "web").version(new VersionSource.FromEnvironment("dev")).build()))
                .isInstanceOf(PromotionException.class)
                .hasMessageContaining("apps/web/dev/kustomization.yaml:5")
                .hasMessageContaining("sha256:abcdef12345");

        PromotionResult result = engine.promote(request("dev", "web").version(given("1.1.0", DIGEST_A)).build());
        assertThat(result.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(result.reason()).isEqualTo("Promote web 1.0.0 → 1.1.0 to dev");
        assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml"))
                .isEqualTo(overlay.replace("1.0.0", "1.1.0").replace("sha256:abcdef12345", DIGEST_A));
    }

    @Test
    void aDryRunPlansAndPushesNothing() throws Exception {
        PromotionResult planned = engine.promote(request("dev", "worker").version(given("0.9.1", null)).dryRun(true).build());
        assertThat(planned.status()).isEqualTo(PromotionResult.Status.PLANNED);
        assertThat(planned.files()).containsExactly("apps/worker/dev/worker.yaml");
        assertThat(server.receivePackCount()).isZero();
        assertThat(BareRepos.log(remote, "main")).hasSize(1);
    }

    @Test
    void statusNamesEveryVersionAndWhatIsPending() throws Exception {
        engine.promote(request("dev", "web").version(given("1.1.0", DIGEST_A)).build());
        engine.promote(request("staging", "web").version(new VersionSource.FromEnvironment("dev")).build());
        engine.promote(request("dev", "worker").version(given("0.9.1", null)).build());

        StatusReport report = engine.status(location, GitAuth.password(USER, PASSWORD.toCharArray()), "main");

        assertThat(report.environments()).containsExactly("dev", "staging", "prod");
        assertThat(report.apps()).containsExactly("web", "api", "worker");
        assertThat(report.cells()).hasSize(9);
        assertThat(report.cell("web", "dev")).satisfies(c -> {
            assertThat(c.tag()).isEqualTo("1.1.0");
            assertThat(c.digest()).isEqualTo(DIGEST_A);
        });
        assertThat(report.cell("web", "staging")).satisfies(c -> {
            assertThat(c.tag()).isEqualTo("1.0.0");
            assertThat(c.pending()).isEqualTo("1.1.0@" + DIGEST_A);
            assertThat(c.pendingBranch()).isEqualTo("gitops-promotion/staging/web");
        });
        assertThat(report.cell("api", "prod").tag()).isEqualTo("2.0.0");
        assertThat(report.cell("worker", "dev").tag()).isEqualTo("0.9.1");
        assertThat(report.cell("worker", "prod").tag()).isEqualTo("0.9.0");
        assertThat(report.toJson()).contains("\"env\" : \"staging\"").contains("\"pending\" : \"1.1.0@" + DIGEST_A + "\"");
    }

    @Test
    void unknownEnvironmentAppOrImageAreNamed() {
        assertThatThrownBy(() -> engine.promote(request("qa", "web").version(given("1", null)).build()))
                .isInstanceOf(PromotionException.class).hasMessageContaining("no environment qa").hasMessageContaining("dev, staging, prod");
        assertThatThrownBy(() -> engine.promote(request("dev", "shop").version(given("1", null)).build()))
                .isInstanceOf(PromotionException.class).hasMessageContaining("no app shop");
        assertThatThrownBy(() -> engine.promote(PromotionRequest.builder(location, "dev")
                .auth(GitAuth.password(USER, PASSWORD.toCharArray()))
                .image(io.jenkins.plugins.gitopspromotion.image.ImageReference.parse("ghcr.io/acme/db:1")).version(given("1", null)).build()))
                .isInstanceOf(PromotionException.class).hasMessageContaining("no app in .gitops/promotion.yaml uses the image ghcr.io/acme/db");
        assertThatThrownBy(() -> engine.promote(PromotionRequest.builder(location, "dev").app("web")
                .auth(GitAuth.password(USER, PASSWORD.toCharArray())).base("trunk").version(given("1", null)).build()))
                .isInstanceOf(IOException.class).hasMessageContaining("trunk");
    }
}
