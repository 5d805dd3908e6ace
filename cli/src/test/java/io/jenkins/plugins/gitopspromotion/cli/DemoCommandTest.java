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
        Path repo = dir.resolve("demo");
        CliRun run = CliRun.of("demo", "--dir", repo.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("promoted: Promote web 1.4.2 → 1.5.0 to dev")
                .contains("unchanged: dev already has web 1.5.0")
                .contains("promoted: Promote web (none) → 1.5.0 to prod")
                .contains("promoted: Promote api 2.0.0 → 2.1.0 to dev")
                .contains("promoted: Promote worker 0.9.1 → 0.9.2 to dev")
                .contains("promoted: Promote jobs 3.0.0 → 3.1.0 to dev")
                .contains("refused: tag 'bad tag;rm' is not a valid image tag")
                .contains("changing it would also change every alias (*version) of it")
                .contains("Working tree clean: true")
                .contains("kustomize app web in apps/{app}/overlays/{env}");

        List<String> titles = new ArrayList<>();
        try (Git git = Git.open(repo.toFile())) {
            for (RevCommit commit : git.log().call()) {
                titles.add(0, commit.getShortMessage());
            }
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertThat(head.getFullMessage()).contains("Promoted-Image: ghcr.io/acme/jobs:3.1.0\n");
        }
        assertThat(titles).containsExactly(
                "Config repository for the demo",
                "Promote web 1.4.2 → 1.5.0 to dev",
                "Promote web 1.4.1 → 1.5.0 to staging",
                "Promote web (none) → 1.5.0 to prod",
                "Promote api 2.0.0 → 2.1.0 to dev",
                "Promote worker 0.9.1 → 0.9.2 to dev",
                "Promote jobs 3.0.0 → 3.1.0 to dev");

        // The CRLF overlay got its images: entry with CRLF line breaks, and kept its trailing comment last.
        assertThat(Files.readString(repo.resolve("apps/web/overlays/prod/kustomization.yaml"), StandardCharsets.UTF_8))
                .isEqualTo("apiVersion: kustomize.config.k8s.io/v1beta1\r\nkind: Kustomization\r\nnamespace: web-prod\r\n"
                        + "resources:\r\n  - ../../base\r\nimages:\r\n  - name: ghcr.io/acme/web\r\n    newTag: 1.5.0\r\n"
                        + "    digest: " + DemoCommand.DIGEST + "\r\n# replicas are set by the HPA\r\n");
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
