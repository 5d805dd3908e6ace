package io.jenkins.plugins.gitopspromotion.cli;

import static io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture.DIGEST_A;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromoteCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private LocalConfigRepository local;
    private Repository remote;
    private Path bare;

    @BeforeEach
    void repository() throws Exception {
        local = LocalConfigRepository.create(temp);
        remote = local.repository();
        bare = local.path();
    }

    @AfterEach
    void close() {
        local.close();
    }

    private CliRun run(String command, String... args) {
        return local.run(command, args);
    }

    private static JsonNode json(CliRun run) throws Exception {
        return JSON.readTree(run.out());
    }

    @Test
    void promotePrintsTheResultObjectAndExitsByStatus() throws Exception {
        CliRun promoted = run("promote", "--env", "dev", "--app", "web", "--tag", "1.1.0", "--digest", DIGEST_A, "--json");
        assertThat(promoted.exitCode()).as(promoted.err()).isZero();
        JsonNode result = json(promoted);
        assertThat(result.get("status").asText()).isEqualTo("promoted");
        assertThat(result.get("env").asText()).isEqualTo("dev");
        assertThat(result.get("app").asText()).isEqualTo("web");
        assertThat(result.get("image").asText()).isEqualTo("ghcr.io/acme/web");
        assertThat(result.get("tag").asText()).isEqualTo("1.1.0");
        assertThat(result.get("digest").asText()).isEqualTo(DIGEST_A);
        assertThat(result.get("commit").asText()).isEqualTo(BareRepos.head(remote, "main").name());
        assertThat(result.get("branch").asText()).isEqualTo("main");
        assertThat(result.get("pullRequest").isNull()).isTrue();
        assertThat(result.get("files").get(0).asText()).isEqualTo("apps/web/dev/kustomization.yaml");
        assertThat(result.get("reason").asText()).isEqualTo("Promote web 1.0.0 → 1.1.0 to dev");
        assertThat(List.of(result.fieldNames().next())).containsExactly("status");

        CliRun again = run("promote", "--env", "dev", "--image", "ghcr.io/acme/web:1.1.0@" + DIGEST_A);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith("unchanged: dev already has web 1.1.0");

        CliRun staged = run("promote", "--env", "staging", "--app", "web", "--from", "dev", "--json");
        assertThat(json(staged).get("branch").asText()).isEqualTo("gitops-promotion/staging/web");

        CliRun refused = run("promote", "--env", "prod", "--app", "web", "--tag", "1.1.0", "--json");
        assertThat(refused.exitCode()).isEqualTo(GitOpsPromotionCli.REFUSED);
        assertThat(json(refused).get("status").asText()).isEqualTo("refused");
        assertThat(json(refused).get("reason").asText()).contains("prod requires staging");
    }

    @Test
    void imageNameMovesTheImageWithTheVersionAndFromCarriesTheName() throws Exception {
        String moved = "registry.acme.example/web";
        BareRepos.commitFile(remote, "main", ".gitops/promotion.yaml", ConfigRepositoryFixture.configWithOtherName(moved),
                "web may move");

        CliRun promoted = run("promote", "--env", "dev", "--app", "web", "--image-name", moved, "--tag", "2.0.0", "--json");
        assertThat(promoted.exitCode()).as(promoted.err()).isZero();
        JsonNode result = json(promoted);
        assertThat(result.get("image").asText()).isEqualTo("ghcr.io/acme/web");
        assertThat(result.get("imageName").asText()).isEqualTo(moved);
        assertThat(result.get("reason").asText()).isEqualTo("Promote web 1.0.0 → " + moved + ":2.0.0 to dev");
        assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml")).contains("  newName: " + moved + "\n");

        CliRun staged = run("promote", "--env", "staging", "--app", "web", "--from", "dev", "--json");
        assertThat(json(staged).get("imageName").asText()).isEqualTo(moved);
        assertThat(BareRepos.readFile(remote, "gitops-promotion/staging/web", "apps/web/staging/kustomization.yaml"))
                .contains("  newName: " + moved + "\n");

        CliRun plain = run("promote", "--env", "dev", "--app", "api", "--tag", "2.1.0", "--json");
        assertThat(json(plain).get("imageName").isNull()).as("no new name, and every earlier field as it was").isTrue();
        assertThat(json(plain).get("image").asText()).isEqualTo("ghcr.io/acme/api");

        CliRun notListed = run("promote", "--env", "dev", "--app", "web", "--image-name", "mirror.internal/web", "--tag", "2.0.1");
        assertThat(notListed.exitCode()).isEqualTo(GitOpsPromotionCli.FAILED);
        assertThat(notListed.err()).contains("mirror.internal/web is not a name of app web");
        CliRun withTag = run("promote", "--env", "dev", "--app", "web", "--image-name", moved + ":2", "--tag", "2.0.1");
        assertThat(withTag.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        assertThat(withTag.err()).contains("--image-name: image name '" + moved + ":2' has a tag");
        CliRun withFrom = run("promote", "--env", "prod", "--app", "web", "--image-name", moved, "--from", "staging");
        assertThat(withFrom.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        assertThat(withFrom.err()).contains("--image-name goes with --tag or --digest");
    }

    @Test
    void aPlaintextSecretInTheOverlayRefusesThePromotionWithExitThreeAndTheValueMasked() throws Exception {
        String password = "pw-" + "Zq8vL2mN4xR7tY1w";
        BareRepos.commitFile(remote, "main", "apps/web/dev/db.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\n"
                + "data:\n  password: " + java.util.Base64.getEncoder().encodeToString(password.getBytes()) + "\n", "db Secret");

        CliRun refused = run("promote", "--env", "dev", "--app", "web", "--tag", "1.1.0", "--json");

        assertThat(refused.exitCode()).isEqualTo(GitOpsPromotionCli.REFUSED);
        assertThat(json(refused).get("status").asText()).isEqualTo("refused");
        assertThat(json(refused).get("reason").asText()).contains("apps/web/dev/db.yaml:5").contains("plaintext");
        assertThat(refused.out() + refused.err()).doesNotContain(password)
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(password.getBytes()));
        assertThat(BareRepos.log(remote, "main")).hasSize(2);
    }

    @Test
    void severalAppsOrAllGoTogetherInOneCommitOrNoneAtAll() throws Exception {
        run("promote", "--env", "dev", "--app", "web", "--tag", "1.1.0");
        run("promote", "--env", "dev", "--app", "api", "--tag", "2.1.0");
        int commits = BareRepos.log(remote, "main").size();

        CliRun refused = run("promote", "--env", "staging", "--app", "web", "--app", "api", "--tag", "1.1.0", "--mode", "commit",
                "--json");
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(GitOpsPromotionCli.REFUSED);
        assertThat(json(refused).get("reason").asText()).isEqualTo("the bundle of web, api is refused whole, nothing is pushed:"
                + " api: staging requires dev to have api 1.1.0 first; dev has 2.1.0 on the base branch");
        assertThat(BareRepos.log(remote, "main")).hasSize(commits);

        CliRun bundle = run("promote", "--env", "staging", "--all", "--from", "dev", "--mode", "commit", "--json");
        assertThat(bundle.exitCode()).as(bundle.err()).isZero();
        JsonNode result = json(bundle);
        assertThat(result.get("status").asText()).isEqualTo("promoted");
        assertThat(result.get("app").asText()).isEqualTo("web,api,worker");
        assertThat(result.get("reason").asText()).isEqualTo("Promote 2 apps to staging");
        assertThat(BareRepos.log(remote, "main")).hasSize(commits + 1);

        CliRun twice = run("promote", "--env", "staging", "--app", "web", "--app", "web", "--from", "dev");
        assertThat(twice.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        assertThat(twice.err()).contains("a bundle names each app once, not web, web");
        CliRun allAndOne = run("promote", "--env", "staging", "--all", "--app", "web", "--from", "dev");
        assertThat(allAndOne.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
    }

    @Test
    void usageErrorsExitWithTwoAndWriteNothing() throws Exception {
        CliRun badTag = run("promote", "--env", "dev", "--app", "web", "--tag", "bad tag;rm");
        assertThat(badTag.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        assertThat(badTag.err()).contains("tag 'bad tag;rm' is not a valid image tag");
        CliRun noVersion = run("promote", "--env", "dev", "--app", "web");
        assertThat(noVersion.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        assertThat(noVersion.err()).contains("give a tag, a digest or both, or an environment to take the version from (--tag, --digest, --from)");
        CliRun both = run("promote", "--env", "dev", "--app", "web", "--image", "ghcr.io/acme/web", "--tag", "1");
        assertThat(both.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        CliRun badDigest = run("promote", "--env", "dev", "--app", "web", "--digest", "sha256:abc");
        assertThat(badDigest.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        assertThat(badDigest.err()).contains("sha256 needs 64");
        CliRun badMode = run("promote", "--env", "dev", "--app", "web", "--tag", "1", "--mode", "yolo");
        assertThat(badMode.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        CliRun forged = run("promote", "--env", "dev", "--app", "web", "--tag", "1", "--build-url",
                "https://ci.example/7/\nReviewed-by: boss");
        assertThat(forged.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        assertThat(forged.err()).contains("the build URL 'https://ci.example/7/\\nReviewed-by: boss' contains a control"
                + " character at index 21");
        assertThat(BareRepos.log(remote, "main")).hasSize(1);
        assertThat(temp.resolve("cache")).doesNotExist();
    }

    @Test
    void aFailureExitsWithOneAndNamesTheProblem() {
        CliRun unknown = run("promote", "--env", "qa", "--app", "web", "--tag", "1");
        assertThat(unknown.exitCode()).isEqualTo(GitOpsPromotionCli.FAILED);
        assertThat(unknown.err()).contains("no environment qa");
    }

    @Test
    void rollbackAndStatus() throws Exception {
        run("promote", "--env", "dev", "--app", "api", "--tag", "2.1.0");
        run("promote", "--env", "dev", "--app", "web", "--tag", "1.1.0");
        run("promote", "--env", "staging", "--app", "web", "--from", "dev");

        CliRun back = run("rollback", "--env", "dev", "--app", "api", "--json");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(json(back).get("tag").asText()).isEqualTo("2.0.0");
        assertThat(json(back).get("reason").asText()).isEqualTo("Roll back api 2.1.0 → 2.0.0 in dev");

        CliRun status = run("status", "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode report = json(status);
        assertThat(report.get("cells")).hasSize(9);
        assertThat(report.get("environments").toString()).isEqualTo("[\"dev\",\"staging\",\"prod\"]");
        assertThat(report.get("cells").get(3).get("app").asText()).isEqualTo("api");
        assertThat(report.get("cells").get(3).get("hold").get("reason").asText()).isEqualTo("Roll back api 2.1.0 → 2.0.0 in dev");
        CliRun table = run("status");
        assertThat(table.out())
                .contains("app     dev               staging                  prod\n")
                .contains("web     1.1.0             1.0.0 → 1.1.0 (pending)  1.0.0\n")
                .contains("api     2.0.0 (held [1])  2.0.0                    2.0.0\n")
                .contains("worker  0.9.0             0.9.0                    0.9.0\n")
                .containsPattern("\\[1\\] api in dev is held by gitops-promotion <gitops-promotion@users.noreply.invalid> since"
                        + " \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ: Roll back api 2.1.0 → 2.0.0 in dev\n");
    }

    @Test
    void aFrozenEnvironmentRefusesWithExitThreeAndAnOverrideWithAReasonGoesIn() throws Exception {
        BareRepos.commitFile(remote, "main", ".gitops/promotion.yaml", ConfigRepositoryFixture.CONFIG.replace(
                "    mode: commit\n", "    mode: commit\n    gates:\n      freeze: [{from: 2000-01-01, to: 2999-01-01}]\n"),
                "Freeze dev for good");

        CliRun refused = run("promote", "--env", "dev", "--app", "web", "--tag", "1.1.0");
        assertThat(refused.exitCode()).isEqualTo(GitOpsPromotionCli.REFUSED);
        assertThat(refused.out()).isEqualTo("refused: dev is frozen until 2999-01-01T00:00Z (Z): gates.freeze[0] of dev in"
                + " .gitops/promotion.yaml, 2000-01-01T00:00 to 2999-01-01T00:00 Z; promote with --override-freeze --reason TEXT"
                + " in an emergency\n");

        CliRun forced = run("promote", "--env", "dev", "--app", "web", "--tag", "1.1.0", "--override-freeze", "--reason",
                "INC-9 payment outage");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(BareRepos.log(remote, "main").get(0).getFooterLines("Freeze-Overridden")).containsExactly("INC-9 payment outage");
    }

    @Test
    void aHeldAppIsRefusedWithExitThreeUntilReleasedAndAnOverrideNeedsAReason() throws Exception {
        run("promote", "--env", "dev", "--app", "web", "--tag", "1.1.0");
        CliRun back = run("rollback", "--env", "dev", "--app", "web", "--reason", "1.1.0 breaks checkout",
                "--author", "Jane Doe <jane@example.com>");
        assertThat(back.exitCode()).as(back.err()).isZero();

        CliRun refused = run("promote", "--env", "dev", "--app", "web", "--tag", "1.2.0");
        assertThat(refused.exitCode()).isEqualTo(GitOpsPromotionCli.REFUSED);
        assertThat(refused.out()).containsPattern("^refused: dev is held for web \\(.gitops/holds.yaml\\): held by Jane Doe"
                + " <jane@example.com> since \\S+Z: 1.1.0 breaks checkout; release it with gitops-promotion release --env dev"
                + " --app web, or promote with --override-hold --reason TEXT in an emergency\n");

        CliRun noReason = run("promote", "--env", "dev", "--app", "web", "--tag", "1.2.0", "--override-hold");
        assertThat(noReason.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        assertThat(noReason.err()).contains("overriding a hold needs a reason (--reason), recorded in the commit");

        CliRun forced = run("promote", "--env", "dev", "--app", "web", "--tag", "1.2.0", "--override-hold", "--reason",
                "INC-7 hotfix");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(BareRepos.log(remote, "main").get(0).getFooterLines("Hold-Overridden")).containsExactly("INC-7 hotfix");

        CliRun released = run("release", "--env", "dev", "--app", "web", "--reason", "fixed in 1.2.0", "--json");
        assertThat(released.exitCode()).as(released.err()).isZero();
        assertThat(json(released).get("status").asText()).isEqualTo("released");
        assertThat(json(released).get("files").toString()).isEqualTo("[\".gitops/holds.yaml\"]");
        assertThat(run("release", "--env", "dev", "--app", "web").out()).isEqualTo("unchanged: web is not held in dev\n");
        assertThat(run("promote", "--env", "dev", "--app", "web", "--tag", "1.3.0").exitCode()).isZero();
    }

    @Test
    void overHttpsTheTokenComesFromAFileAndNeverShows() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(temp.resolve("server"), "ci", "right-Token-1")) {
            ConfigRepositoryFixture.seed(server.createRepository("config"));
            Path token = temp.resolve("token");
            Files.writeString(token, "wrong-Token-2\n");
            CliRun denied = CliRun.of("promote", "--repo", server.url("config").toString(), "--cache-dir", temp.resolve("c").toString(),
                    "--username", "ci", "--token-file", token.toString(), "--env", "dev", "--app", "web", "--tag", "1.1.0");
            assertThat(denied.exitCode()).isEqualTo(GitOpsPromotionCli.FAILED);
            assertThat(denied.err()).contains(server.url("config").toString()).contains("not authorized")
                    .doesNotContain("wrong-Token-2").doesNotContain("right-Token-1");

            Files.writeString(token, "right-Token-1\n");
            CliRun allowed = CliRun.of("promote", "--repo", server.url("config").toString(), "--cache-dir", temp.resolve("c").toString(),
                    "--username", "ci", "--token-file", token.toString(), "--env", "dev", "--app", "web", "--tag", "1.1.0");
            assertThat(allowed.exitCode()).as(allowed.err()).isZero();
            assertThat(allowed.out()).startsWith("promoted: Promote web 1.0.0 → 1.1.0 to dev");
        }
    }
}
