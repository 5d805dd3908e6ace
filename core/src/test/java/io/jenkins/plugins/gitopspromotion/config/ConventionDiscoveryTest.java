package io.jenkins.plugins.gitopspromotion.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.update.UpdateKind;
import io.jenkins.plugins.gitopspromotion.yaml.YamlPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConventionDiscoveryTest {

    @TempDir
    Path root;

    private void write(String path, String content) throws IOException {
        TestFiles.write(root, path, content);
    }

    private DiscoveryReport discover() throws IOException {
        return ConventionDiscovery.discover(new DirectoryRepoTree(root));
    }

    private static String deployment(String name, String... images) {
        StringBuilder out = new StringBuilder("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                spec:
                  template:
                    spec:
                      containers:
                """.formatted(name));
        for (int i = 0; i < images.length; i++) {
            out.append("        - name: c").append(i).append("\n          image: ").append(images[i]).append('\n');
        }
        return out.toString();
    }

    private static String overlay(String... images) {
        StringBuilder out = new StringBuilder("""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - ../../base
                """);
        if (images.length > 0) {
            out.append("images:\n");
            for (String image : images) {
                out.append("  - name: ").append(image).append("\n    newTag: 1.4.2\n");
            }
        }
        return out.toString();
    }

    private void kustomizeWeb() throws IOException {
        write("apps/web/base/kustomization.yaml", "resources:\n  - deployment.yaml\n  - service.yaml\n");
        write("apps/web/base/deployment.yaml", deployment("web", "ghcr.io/acme/web"));
        write("apps/web/base/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n");
        for (String env : new String[] {"prod", "dev", "staging"}) {
            write("apps/web/overlays/" + env + "/kustomization.yaml", overlay("ghcr.io/acme/web"));
        }
    }

    // ---- (a) Kustomize overlays

    @Test
    void discoversKustomizeOverlays() throws IOException {
        kustomizeWeb();
        // api names its image only in its base; its overlays inherit it.
        write("apps/api/base/kustomization.yaml", "resources: [deployment.yaml]\nimages:\n"
                + "  - name: api-image\n    newName: ghcr.io/acme/api\n    newTag: 2.0.0\n");
        write("apps/api/base/deployment.yaml", deployment("api", "api-image"));
        for (String env : new String[] {"dev", "staging", "prod"}) {
            write("apps/api/overlays/" + env + "/kustomization.yaml", overlay());
        }

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).isEmpty();
        assertThat(report.findings()).containsExactly(
                "kustomize app api in apps/{app}/overlays/{env}: environments dev, staging, prod; image ghcr.io/acme/api",
                "kustomize app web in apps/{app}/overlays/{env}: environments dev, staging, prod; image ghcr.io/acme/web",
                "environments in promotion order: dev, staging, prod",
                "every environment uses mode pull-request and none requires another: discovery never commits straight"
                        + " to a branch or enforces an order; declare mode and requires in .gitops/promotion.yaml");
        PromotionConfig config = report.config().orElseThrow();
        assertThat(config.source()).isEqualTo(PromotionConfig.DISCOVERED);
        assertThat(config.environments()).extracting(Environment::name).containsExactly("dev", "staging", "prod");
        assertThat(config.environments()).allSatisfy(e -> {
            assertThat(e.mode()).isEqualTo(PromotionMode.PULL_REQUEST);
            assertThat(e.requires()).isEmpty();
        });
        assertThat(config.apps()).containsExactly(
                new App("api", ImageReference.parseName("ghcr.io/acme/api"), UpdateKind.KUSTOMIZE,
                        Optional.of(PathTemplate.parse("apps/{app}/overlays/{env}")), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()),
                new App("web", ImageReference.parseName("ghcr.io/acme/web"), UpdateKind.KUSTOMIZE,
                        Optional.of(PathTemplate.parse("apps/{app}/overlays/{env}")), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()));
        assertThat(config.target(config.app("web").orElseThrow(), config.environment("staging").orElseThrow()))
                .isEqualTo(new Target("apps/web/overlays/staging", Optional.of("kustomization.yaml"), UpdateKind.KUSTOMIZE));
        assertThat(report.render()).contains("Found:", "  - kustomize app web in apps/{app}/overlays/{env}",
                "Using this layout").doesNotContain("Ambiguous:");
    }

    @Test
    void discoversOverlaysAtTheRootAndWrittenYml() throws IOException {
        write("web/overlays/dev/kustomization.yml", overlay("ghcr.io/acme/web"));
        write("web/overlays/prod/kustomization.yml", overlay("ghcr.io/acme/web"));

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).isEmpty();
        assertThat(report.findings()).startsWith("kustomize app web in {app}/overlays/{env}, file kustomization.yml:"
                + " environments dev, prod; image ghcr.io/acme/web");
        PromotionConfig config = report.config().orElseThrow();
        assertThat(config.target(config.apps().get(0), config.environment("prod").orElseThrow()).filePath())
                .contains("web/overlays/prod/kustomization.yml");
    }

    @Test
    void overlaysMixingYamlAndYmlAreAmbiguous() throws IOException {
        write("apps/web/overlays/dev/kustomization.yaml", overlay("ghcr.io/acme/web"));
        write("apps/web/overlays/prod/kustomization.yml", overlay("ghcr.io/acme/web"));

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).containsExactly("kustomize app web in apps/{app}/overlays/{env}: its folders"
                + " mix kustomization.yaml and kustomization.yml; use one name, or declare it in .gitops/promotion.yaml");
        assertThat(report.config()).isEmpty();
    }

    @Test
    void environmentMissingForSomeAppsIsAFindingNotAnAmbiguity() throws IOException {
        kustomizeWeb();
        write("apps/api/overlays/dev/kustomization.yaml", overlay("ghcr.io/acme/api"));
        write("apps/api/overlays/prod/kustomization.yaml", overlay("ghcr.io/acme/api"));

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).isEmpty();
        assertThat(report.findings()).contains("environment staging has files for web only, not for api");
        assertThat(report.config()).isPresent();
    }

    @Test
    void severalImagesInOverlaysAreAmbiguous() throws IOException {
        write("apps/web/overlays/dev/kustomization.yaml", overlay("ghcr.io/acme/web", "ghcr.io/acme/sidecar"));
        write("apps/web/overlays/prod/kustomization.yaml", overlay("ghcr.io/acme/web"));

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).containsExactly("kustomize app web in apps/{app}/overlays/{env}: several"
                + " images in the images: of its overlays (ghcr.io/acme/web, ghcr.io/acme/sidecar); declare it in"
                + " .gitops/promotion.yaml with its image");
        assertThat(report.findings()).contains("kustomize app web in apps/{app}/overlays/{env}: environments dev, prod;"
                + " image unknown");
        assertThat(report.config()).isEmpty();
        assertThat(report.render()).contains("Ambiguous:", "No config could be worked out");
    }

    @Test
    void sameImageWrittenDifferentlyIsOneImage() throws IOException {
        write("apps/proxy/overlays/dev/kustomization.yaml", overlay("nginx"));
        write("apps/proxy/overlays/prod/kustomization.yaml", overlay("docker.io/library/nginx"));

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).isEmpty();
        assertThat(report.config().orElseThrow().app("proxy").orElseThrow().image().name()).isEqualTo("nginx");
    }

    @Test
    void noImageIsAmbiguous() throws IOException {
        write("apps/web/base/kustomization.yaml", "resources: [deployment.yaml]\n");
        write("apps/web/overlays/dev/kustomization.yaml", overlay());

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).containsExactly("kustomize app web in apps/{app}/overlays/{env}: no image found"
                + " in the images: of its overlays or of apps/web/base; declare it in .gitops/promotion.yaml with its image");
        assertThat(report.config()).isEmpty();
    }

    @Test
    void unknownEnvironmentNamesComeAfterAndTheirOrderIsAGuess() throws IOException {
        for (String env : new String[] {"prod", "eu-west", "dev", "canary"}) {
            write("apps/web/overlays/" + env + "/kustomization.yaml", overlay("ghcr.io/acme/web"));
        }

        DiscoveryReport report = discover();

        assertThat(report.findings()).contains("environments in promotion order: dev, prod, canary, eu-west");
        assertThat(report.ambiguities()).containsExactly("order of environments canary, eu-west is a guess: declare"
                + " them in .gitops/promotion.yaml");
        assertThat(report.config()).isEmpty();
    }

    @Test
    void aSingleUnknownEnvironmentNeedsNoOrder() throws IOException {
        write("apps/web/overlays/live/kustomization.yaml", overlay("ghcr.io/acme/web"));

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).isEmpty();
        assertThat(report.config().orElseThrow().environments()).extracting(Environment::name).containsExactly("live");
    }

    @Test
    void invalidFolderNamesAreAmbiguous() throws IOException {
        write("apps/Web_App/overlays/dev/kustomization.yaml", overlay("ghcr.io/acme/web"));

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).singleElement().asString()
                .startsWith("apps/Web_App/overlays: app 'Web_App' is not a valid name")
                .endsWith("; rename the folder, or declare it in .gitops/promotion.yaml");
        assertThat(report.config()).isEmpty();
    }

    @Test
    void unparseableKustomizationIsAmbiguous() throws IOException {
        write("apps/web/overlays/dev/kustomization.yaml", "images:\n  - name: a\n  - name: [b\n");

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).anySatisfy(a -> assertThat(a)
                .startsWith("apps/web/overlays/dev/kustomization.yaml:")
                .contains("not valid YAML")
                .endsWith("(so the image it names cannot be told)"));
        assertThat(report.config()).isEmpty();
    }

    // ---- (b) Helm values per environment

    @Test
    void discoversHelmValuesPerEnvironment() throws IOException {
        write("charts/api/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n");
        write("charts/api/values.yaml", """
                replicaCount: 1
                image:
                  registry: ghcr.io
                  repository: acme/api
                  tag: ""
                  digest: ""
                """);
        write("charts/api/values-dev.yaml", "image:\n  tag: 1.0.0\n");
        write("charts/api/values-prod.yaml", "image:\n  tag: 0.9.0\nreplicaCount: 3\n");
        write("charts/api/values-common.yaml", "resources: {}\n");
        write("charts/api/templates/deployment.yaml", "kind: Deployment\n");
        // A chart without environment values (a dependency) is no app.
        write("charts/api/charts/redis/Chart.yaml", "apiVersion: v2\nname: redis\n");

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).isEmpty();
        assertThat(report.findings()).containsExactly(
                "charts/api/values-common.yaml ignored: 'common' is not a well-known environment name (declare it in"
                        + " .gitops/promotion.yaml if it is one)",
                "chart charts/api/charts/redis has no values-<env>.yaml: not treated as an app",
                "helm-values app api in charts/api, file values-{env}.yaml: environments dev, prod; image ghcr.io/acme/api;"
                        + " digest at image.digest",
                "environments in promotion order: dev, prod",
                "every environment uses mode pull-request and none requires another: discovery never commits straight"
                        + " to a branch or enforces an order; declare mode and requires in .gitops/promotion.yaml");
        PromotionConfig config = report.config().orElseThrow();
        App api = config.app("api").orElseThrow();
        assertThat(api).isEqualTo(new App("api", ImageReference.parseName("ghcr.io/acme/api"), UpdateKind.HELM_VALUES,
                Optional.of(PathTemplate.parse("charts/api")), Optional.of(PathTemplate.parse("values-{env}.yaml")),
                Optional.empty(), Optional.of(YamlPath.parse("image.digest")), Optional.empty()));
        assertThat(config.target(api, config.environment("prod").orElseThrow()))
                .isEqualTo(new Target("charts/api", Optional.of("values-prod.yaml"), UpdateKind.HELM_VALUES));
    }

    @Test
    void helmImageMayComeFromTheEnvironmentFiles() throws IOException {
        write("deploy/web/Chart.yaml", "apiVersion: v2\nname: web\n");
        write("deploy/web/values-staging.yaml", "image:\n  repository: ghcr.io/acme/web\n  tag: 1.0.0\n");
        write("deploy/web/values-production.yaml", "image:\n  repository: ghcr.io/acme/web\n  tag: 0.9.0\n");

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).isEmpty();
        assertThat(report.findings()).first().isEqualTo("helm-values app web in deploy/web, file values-{env}.yaml:"
                + " environments staging, production; image ghcr.io/acme/web");
        assertThat(report.config().orElseThrow().environments()).extracting(Environment::name)
                .containsExactly("staging", "production");
    }

    @Test
    void helmFilesNamingDifferentImagesAreAmbiguous() throws IOException {
        write("charts/api/Chart.yaml", "apiVersion: v2\nname: api\n");
        write("charts/api/values.yaml", "image:\n  repository: ghcr.io/acme/api\n");
        write("charts/api/values-dev.yaml", "image:\n  repository: ghcr.io/acme/api-debug\n");

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).containsExactly("helm-values app api in charts/api, file values-{env}.yaml:"
                + " several images in image.repository of values.yaml or values-<env>.yaml (ghcr.io/acme/api,"
                + " ghcr.io/acme/api-debug); declare it in .gitops/promotion.yaml with its image");
        assertThat(report.config()).isEmpty();
    }

    // ---- (c) environment folders

    @Test
    void discoversEnvironmentFoldersWithManifests() throws IOException {
        for (String env : new String[] {"dev", "qa", "prod"}) {
            write(env + "/worker/deployment.yaml", deployment("worker", "ghcr.io/acme/worker:1.0"));
            write(env + "/worker/cronjob.yaml", """
                    apiVersion: batch/v1
                    kind: CronJob
                    metadata:
                      name: cleanup
                    spec:
                      jobTemplate:
                        spec:
                          template:
                            spec:
                              initContainers:
                                - name: init
                                  image: ghcr.io/acme/worker@sha256:%s
                              containers: []
                    """.formatted("a".repeat(64)));
            write(env + "/namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + env + "\n");
        }
        write("prod/config/settings.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n");
        write("docs/dev/notes.yaml", "not: an environment folder\n");

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).isEmpty();
        assertThat(report.findings()).containsExactly(
                "prod/config holds no container images: not treated as an app",
                "manifests app worker in {env}/{app}: environments dev, qa, prod; image ghcr.io/acme/worker",
                "environments in promotion order: dev, qa, prod",
                "every environment uses mode pull-request and none requires another: discovery never commits straight"
                        + " to a branch or enforces an order; declare mode and requires in .gitops/promotion.yaml");
        PromotionConfig config = report.config().orElseThrow();
        App worker = config.app("worker").orElseThrow();
        assertThat(worker.update()).isEqualTo(UpdateKind.MANIFESTS);
        assertThat(config.target(worker, config.environment("qa").orElseThrow()))
                .isEqualTo(new Target("qa/worker", Optional.empty(), UpdateKind.MANIFESTS));
    }

    @Test
    void environmentFolderWithSidecarIsAmbiguous() throws IOException {
        write("dev/web/deployment.yaml", deployment("web", "ghcr.io/acme/web:1", "envoyproxy/envoy:v1.30.0"));
        write("prod/web/deployment.yaml", deployment("web", "ghcr.io/acme/web:1"));

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).containsExactly("manifests app web in {env}/{app}: several images in the"
                + " containers of its workloads (ghcr.io/acme/web, envoyproxy/envoy); declare it in .gitops/promotion.yaml"
                + " with its image");
        assertThat(report.config()).isEmpty();
    }

    @Test
    void environmentFoldersWithKustomizationsAreKustomizeApps() throws IOException {
        write("dev/web/kustomization.yaml", overlay("ghcr.io/acme/web"));
        write("prod/web/kustomization.yaml", overlay("ghcr.io/acme/web"));

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).isEmpty();
        assertThat(report.findings()).first().isEqualTo("kustomize app web in {env}/{app}: environments dev, prod;"
                + " image ghcr.io/acme/web");
        PromotionConfig config = report.config().orElseThrow();
        assertThat(config.target(config.apps().get(0), config.environment("dev").orElseThrow()).filePath())
                .contains("dev/web/kustomization.yaml");
    }

    @Test
    void environmentFoldersMixingKustomizeAndManifestsAreAmbiguous() throws IOException {
        write("dev/web/kustomization.yaml", overlay("ghcr.io/acme/web"));
        write("prod/web/deployment.yaml", deployment("web", "ghcr.io/acme/web:1"));

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).containsExactly("app web in {env}/{app} is a kustomization in dev but plain"
                + " manifests in prod; declare it in .gitops/promotion.yaml");
        assertThat(report.config()).isEmpty();
    }

    // ---- across conventions

    @Test
    void anAppFoundByTwoConventionsIsAmbiguous() throws IOException {
        kustomizeWeb();
        write("charts/web/Chart.yaml", "apiVersion: v2\nname: web\n");
        write("charts/web/values.yaml", "image:\n  repository: ghcr.io/acme/web\n");
        write("charts/web/values-dev.yaml", "image:\n  tag: 1.0.0\n");

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).containsExactly("app web is found by several layouts (kustomize app web in"
                + " apps/{app}/overlays/{env}; helm-values app web in charts/web, file values-{env}.yaml); declare it in"
                + " .gitops/promotion.yaml");
        assertThat(report.config()).isEmpty();
    }

    @Test
    void conventionsCombine() throws IOException {
        kustomizeWeb();
        write("charts/api/Chart.yaml", "apiVersion: v2\nname: api\n");
        write("charts/api/values.yaml", "image:\n  repository: ghcr.io/acme/api\n  tag: 1.0.0\n");
        write("charts/api/values-dev.yaml", "{}\n");
        write("charts/api/values-staging.yaml", "{}\n");
        write("charts/api/values-prod.yaml", "{}\n");

        DiscoveryReport report = discover();

        assertThat(report.ambiguities()).isEmpty();
        PromotionConfig config = report.config().orElseThrow();
        assertThat(config.apps()).extracting(App::name, App::update)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("api", UpdateKind.HELM_VALUES),
                        org.assertj.core.groups.Tuple.tuple("web", UpdateKind.KUSTOMIZE));
        assertThat(config.environments()).extracting(Environment::name).containsExactly("dev", "staging", "prod");
    }

    @Test
    void anEmptyRepositoryGivesNothing() throws IOException {
        write("README.md", "# config\n");

        DiscoveryReport report = discover();

        assertThat(report.config()).isEmpty();
        assertThat(report.findings()).isEmpty();
        assertThat(report.ambiguities()).isEmpty();
        assertThat(report.render()).contains("nothing found; looked for <prefix>/<app>/overlays/<env>/kustomization.yaml,"
                + " <chart>/values-<env>.yaml next to <chart>/Chart.yaml, and <env>/<app>/*.yaml for the environments dev,");
    }
}
