package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

    @TempDir
    Path repo;

    private void write(String path, String content) throws Exception {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), content);
    }

    @Test
    void showsTheConfigAndWhatRunsWhere() throws Exception {
        write(".gitops/promotion.yaml", "environments:\n  - name: dev\n    path: apps/{app}/overlays/dev\n    mode: commit\n"
                + "  - name: prod\n    path: apps/{app}/overlays/prod\n    requires: dev\napps:\n  - name: web\n    image: ghcr.io/acme/web\n"
                + "    otherNames: [registry.acme.example/web]\n");
        write("apps/web/overlays/dev/kustomization.yaml", "images:\n- name: ghcr.io/acme/web\n  newTag: 1.2.3\n");
        CliRun run = CliRun.of("config", "--repo", repo.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Config: .gitops/promotion.yaml")
                .contains("1.  dev   mode commit")
                .contains("2.  prod  mode pull-request; requires dev")
                .contains("web  kustomize  ghcr.io/acme/web (also registry.acme.example/web)")
                .contains("app  dev    prod")
                .contains("web  1.2.3  - [1]")
                .contains("[1] app web in environment prod: apps/web/overlays/prod/kustomization.yaml does not exist");
    }

    @Test
    void reportsAConfigErrorWithFileLineAndKey() throws Exception {
        write(".gitops/promotion.yaml", "environments:\n  - name: dev\n    path: apps/{app}/dev\n    requires: qa\n");
        CliRun run = CliRun.of("config", "--repo", repo.toString());
        assertThat(run.exitCode()).isEqualTo(GitOpsPromotionCli.FAILED);
        assertThat(run.err()).contains(".gitops/promotion.yaml:4: environments[0].requires:");
    }

    @Test
    void withoutConfigSaysWhatItDiscoveredOrWhatIsUnclear() throws Exception {
        write("apps/web/overlays/dev/kustomization.yaml", "images:\n- name: ghcr.io/acme/web\n  newTag: 1.2.3\n");
        write("apps/web/overlays/prod/kustomization.yaml", "images:\n- name: ghcr.io/acme/web\n  newTag: 1.2.0\n");
        CliRun found = CliRun.of("config", "--repo", repo.toString());
        assertThat(found.exitCode()).as(found.err()).isZero();
        assertThat(found.out()).contains("kustomize app web").contains("Config: discovered by convention")
                .contains("web  1.2.3  1.2.0");

        write("apps/web/overlays/qa/kustomization.yaml", "images:\n- name: ghcr.io/acme/other\n  newTag: 1\n");
        CliRun ambiguous = CliRun.of("config", "--repo", repo.toString());
        assertThat(ambiguous.exitCode()).isEqualTo(GitOpsPromotionCli.FAILED);
        assertThat(ambiguous.out()).contains("ghcr.io/acme/other").contains("ghcr.io/acme/web");
    }

    @Test
    void aMissingFolderIsAUsageError() {
        CliRun run = CliRun.of("config", "--repo", repo.resolve("nowhere").toString());
        assertThat(run.exitCode()).isEqualTo(GitOpsPromotionCli.USAGE);
        assertThat(run.err()).contains("is not a folder");
    }
}
