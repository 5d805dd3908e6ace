package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.DirectoryRepoTree;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.RepoTree;
import io.jenkins.plugins.gitopspromotion.config.TestFiles;
import io.jenkins.plugins.gitopspromotion.update.FileChange;
import io.jenkins.plugins.gitopspromotion.update.ImageUpdate;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangePlannerTest {

    @TempDir
    Path repo;

    private RepoTree tree;
    private PromotionConfig config;
    private final ChangePlanner planner = new ChangePlanner(YamlLimits.DEFAULT);

    @BeforeEach
    void configRepository() throws IOException {
        write(".gitops/promotion.yaml", """
                environments:
                  - name: dev
                    path: apps/{app}/overlays/dev
                  - name: prod
                    path: apps/{app}/overlays/prod
                    requires: dev
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                  - name: api
                    image: ghcr.io/acme/api
                    update: helm-values
                    path: charts/api
                    file: values-{env}.yaml
                  - name: jobs
                    image: ghcr.io/acme/jobs
                    update: manifests
                    path: jobs/{env}
                """);
        write("apps/web/overlays/dev/kustomization.yml", "resources:\n- ../../base\nimages:\n- name: ghcr.io/acme/web\n  newTag: 1.0.0\n");
        write("charts/api/values-dev.yaml", "image:\n  repository: ghcr.io/acme/api\n  tag: 2.0.0\n");
        write("jobs/dev/cleanup.yaml", "kind: Job\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: ghcr.io/acme/jobs:3.0.0\n");
        write("jobs/dev/report.yaml", "kind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: r\n            image: ghcr.io/acme/jobs:3.0.0\n");
        write("jobs/dev/configmap.yaml", "kind: ConfigMap\ndata: {a: b}\n");
        write("jobs/dev/README.md", "not yaml");
        write("jobs/dev/nested/other.yaml", "kind: Pod\nspec: {containers: [{name: x, image: ghcr.io/acme/jobs:0.1}]}\n");
        tree = new DirectoryRepoTree(repo);
        config = ConfigLoader.load(tree);
    }

    @Test
    void plansTheKustomizationWhateverItsFileIsCalled() throws IOException {
        ChangePlan plan = planner.plan(tree, config, config.app("web").orElseThrow(), config.environment("dev").orElseThrow(),
                ImageUpdate.of("ghcr.io/acme/web", "1.1.0", null));
        assertThat(plan.changed()).isTrue();
        assertThat(plan.changedFiles()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("apps/web/overlays/dev/kustomization.yml");
            assertThat(new String(f.after(), StandardCharsets.UTF_8)).contains("newTag: 1.1.0");
        });
        assertThat(Files.readString(repo.resolve("apps/web/overlays/dev/kustomization.yml"))).contains("newTag: 1.0.0");
    }

    @Test
    void plansEveryManifestOfTheFolderThatNamesTheImageAndNoOther() throws IOException {
        ChangePlan plan = planner.plan(tree, config, config.app("jobs").orElseThrow(), config.environment("dev").orElseThrow(),
                ImageUpdate.of("ghcr.io/acme/jobs", "3.1.0", null));
        assertThat(plan.changedFiles()).extracting(FileChange::path)
                .containsExactly("jobs/dev/cleanup.yaml", "jobs/dev/report.yaml");
    }

    @Test
    void readsTheCurrentVersionPerEnvironmentFile() throws IOException {
        assertThat(planner.current(tree, config, config.app("api").orElseThrow(), config.environment("dev").orElseThrow()))
                .extracting(ImageVersion::file, ImageVersion::describe)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("charts/api/values-dev.yaml", "2.0.0"));
    }

    @Test
    void aMalformedOldDigestIsReadAsWrittenAndOverwritten() throws IOException {
        write("apps/web/overlays/dev/kustomization.yml",
                "images:\n- name: ghcr.io/acme/web\n  newTag: 1.0.0\n  digest: sha256:abcdef12345\n");
        String digest = "sha256:" + "5".repeat(64);
        ChangePlan plan = planner.plan(tree, config, config.app("web").orElseThrow(), config.environment("dev").orElseThrow(),
                ImageUpdate.of("ghcr.io/acme/web", "1.1.0", digest));
        assertThat(plan.before()).singleElement().satisfies(v -> {
            assertThat(v.describe()).isEqualTo("1.0.0@sha256:abcdef12345");
            assertThat(v.digest()).isEmpty();
        });
        assertThat(plan.changedFiles()).singleElement().satisfies(f -> assertThat(new String(f.after(), StandardCharsets.UTF_8))
                .isEqualTo("images:\n- name: ghcr.io/acme/web\n  newTag: 1.1.0\n  digest: " + digest + "\n"));
    }

    @Test
    void aFileWhoseOnlyReferenceHasAPlaceholderTagIsPlannedAndOneThatCannotBeReplacedIsNamed() throws IOException {
        write("jobs/prod/cleanup.yaml", "kind: Job\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n"
                + "        image: ghcr.io/acme/jobs:{GENERATED_TAG}\n");
        ChangePlan plan = planner.plan(tree, config, config.app("jobs").orElseThrow(), config.environment("prod").orElseThrow(),
                ImageUpdate.of("ghcr.io/acme/jobs", "3.1.0", null));
        assertThat(plan.labelBefore()).isEqualTo("{GENERATED_TAG}");
        assertThat(plan.changedFiles()).singleElement().satisfies(f -> assertThat(new String(f.after(), StandardCharsets.UTF_8))
                .endsWith("image: ghcr.io/acme/jobs:3.1.0\n"));

        write("jobs/prod/report.yaml", "kind: Pod\nspec:\n  containers:\n  - name: r\n    image: ghcr.io/acme/jobs:$(TAG)\n");
        assertThatThrownBy(() -> planner.plan(tree, config, config.app("jobs").orElseThrow(), config.environment("prod").orElseThrow(),
                ImageUpdate.of("ghcr.io/acme/jobs", "3.1.0", null)))
                .isInstanceOf(YamlEditException.class)
                .hasMessageStartingWith("jobs/prod/report.yaml:5: refused: Pod/? containers[r].image 'ghcr.io/acme/jobs:$(TAG)'")
                .hasMessageNotContaining("no YAML file");
    }

    @Test
    void promotingTheVersionThereIsUnchanged() throws IOException {
        ChangePlan plan = planner.plan(tree, config, config.app("api").orElseThrow(), config.environment("dev").orElseThrow(),
                ImageUpdate.of("ghcr.io/acme/api", "2.0.0", null));
        assertThat(plan.changed()).isFalse();
        assertThat(plan.files()).hasSize(1);
    }

    @Test
    void saysWhatIsMissing() {
        assertThatThrownBy(() -> planner.plan(tree, config, config.app("web").orElseThrow(), config.environment("prod").orElseThrow(),
                ImageUpdate.of("ghcr.io/acme/web", "1.1.0", null)))
                .isInstanceOf(PromotionException.class)
                .hasMessageContaining("app web in environment prod: apps/web/overlays/prod/kustomization.yaml does not exist");
        assertThatThrownBy(() -> planner.plan(tree, config, config.app("jobs").orElseThrow(), config.environment("prod").orElseThrow(),
                ImageUpdate.of("ghcr.io/acme/jobs", "1", null)))
                .isInstanceOf(PromotionException.class)
                .hasMessageContaining("no YAML file in jobs/prod/ references ghcr.io/acme/jobs");
        assertThatThrownBy(() -> planner.plan(tree, config, config.app("web").orElseThrow(), config.environment("dev").orElseThrow(),
                ImageUpdate.of("ghcr.io/acme/api", "1", null)))
                .isInstanceOf(PromotionException.class).hasMessageContaining("app web uses the image ghcr.io/acme/web, not ghcr.io/acme/api");
    }

    private void write(String path, String content) throws IOException {
        TestFiles.write(repo, path, content);
    }
}
