package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void theTourPromotesEachKindAndCommitsOnlyRealChanges() throws Exception {
        CliRun run = CliRun.of("demo", "--dir", dir.resolve("demo").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("promoted: Promote web 1.4.2 → 1.5.0 to dev\ncommit ")
                .contains("unchanged: dev already has web 1.5.0")
                .contains("promoted: Promote web 1.4.1 → 1.5.0 to staging (on branch gitops-promotion/staging/web only: no"
                        + " pull-request provider is configured)\ncommit ")
                .contains(" on gitops-promotion/staging/web\n")
                .contains("refused: prod requires staging to have web " + DemoCommand.DIGEST + " first")
                .contains("promoted: Promote web (none) → 1.4.1 to prod")
                .contains("promoted: Promote api 2.0.0 → 2.1.0 to dev")
                .contains("promoted: Promote worker 0.9.1 → 0.9.2 to dev")
                .contains("promoted: Promote jobs 3.0.0 → 3.1.0 to dev")
                .contains("promoted: Roll back web 1.5.0 → 1.4.2 in dev")
                .contains("usage error (exit code 2): tag 'bad tag;rm' is not a valid image tag")
                .contains("changing it would also change every alias (*version) of it")
                .contains("kustomize app web in apps/{app}/overlays/{env}")
                .contains("web     1.4.2 (held [1])           1.4.1@sha256:4b1de5d3f5e6 → 1.5.0@sha256:9f86d081884c (pending)")
                .contains("[1] web in dev is held by gitops-promotion <gitops-promotion@users.noreply.invalid> since ")
                .contains(": Roll back web 1.5.0 → 1.4.2 in dev\n");

        Path bare = dir.resolve("demo/config.git");
        List<String> titles = new ArrayList<>();
        try (Git git = Git.open(bare.toFile())) {
            for (RevCommit commit : git.log().call()) {
                titles.add(0, commit.getShortMessage());
            }
            assertThat(git.getRepository().exactRef("refs/heads/gitops-promotion/staging/web")).isNotNull();
            assertThat(git.getRepository().exactRef("refs/heads/gitops-promotion/prod/web")).isNotNull();
        }
        assertThat(titles).containsExactly(
                "Config repository for the demo",
                "Promote web 1.4.2 → 1.5.0 to dev",
                "Promote api 2.0.0 → 2.1.0 to dev",
                "Promote worker 0.9.1 → 0.9.2 to dev",
                "Promote jobs 3.0.0 → 3.1.0 to dev",
                "Roll back web 1.5.0 → 1.4.2 in dev");

        // Prod's CRLF overlay, on its promotion branch, got its images: entry with CRLF line breaks and kept its
        // trailing comment last.
        try (DemoRepository reader = DemoRepository.open(bare)) {
            assertThat(new String(reader.read("gitops-promotion/prod/web", "apps/web/overlays/prod/kustomization.yaml"), StandardCharsets.UTF_8))
                    .isEqualTo("apiVersion: kustomize.config.k8s.io/v1beta1\r\nkind: Kustomization\r\nnamespace: web-prod\r\n"
                            + "resources:\r\n  - ../../base\r\nimages:\r\n  - name: ghcr.io/acme/web\r\n    newTag: 1.4.1\r\n"
                            + "    digest: sha256:4b1de5d3f5e6a2c3b7a9e0f1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f\r\n"
                            + "# replicas are set by the HPA\r\n");
        }
    }

    @Test
    void refusesAFolderThatIsNotEmpty() throws Exception {
        Files.writeString(dir.resolve("precious.txt"), "keep me");
        CliRun run = CliRun.of("demo", "--dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(GitOpsPromotionCli.FAILED);
        assertThat(run.err()).contains("the demo needs an empty folder");
        assertThat(Files.readString(dir.resolve("precious.txt"))).isEqualTo("keep me");
        assertThat(dir.resolve(".git")).doesNotExist();
    }
}
