package io.jenkins.plugins.gitopspromotion.update;

import static io.jenkins.plugins.gitopspromotion.update.KustomizeImagesUpdaterTest.DIGEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestsUpdaterTest {

    private static final String MANIFESTS = """
            ---
            # The web front end.
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 3
              template:
                spec:
                  initContainers:
                    - name: migrate
                      image: ghcr.io/acme/web:1.0.0   # runs migrations
                  containers:
                    - name: web
                      image: "ghcr.io/acme/web:1.0.0"
                    - name: proxy
                      image: docker.io/envoyproxy/envoy:v1.30.1
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports: [{port: 80}]
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: web-report}
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers:
                      - {name: report, image: 'ghcr.io/acme/web:1.0.0', args: [report]}
            ...
            """;

    private final ManifestsUpdater updater = new ManifestsUpdater(YamlLimits.DEFAULT);

    private String apply(String input, String image, String tag, String digest) {
        return new String(updater.apply("apps/web/dev/web.yaml", input.getBytes(StandardCharsets.UTF_8),
                ImageUpdate.of(image, tag, digest)).after(), StandardCharsets.UTF_8);
    }

    @Test
    void updatesEveryContainerOfTheImageInEveryWorkload() {
        String expected = MANIFESTS
                .replace("ghcr.io/acme/web:1.0.0   #", "ghcr.io/acme/web:1.1.0@" + DIGEST + "   #")
                .replace("\"ghcr.io/acme/web:1.0.0\"", "\"ghcr.io/acme/web:1.1.0@" + DIGEST + "\"")
                .replace("'ghcr.io/acme/web:1.0.0'", "'ghcr.io/acme/web:1.1.0@" + DIGEST + "'");
        assertThat(apply(MANIFESTS, "ghcr.io/acme/web", "1.1.0", DIGEST)).isEqualTo(expected);
    }

    @Test
    void keepsTheNameAsWrittenAndMatchesDockerHubNames() {
        assertThat(apply(MANIFESTS, "envoyproxy/envoy", "v1.31.0", null))
                .isEqualTo(MANIFESTS.replace("envoy:v1.30.1", "envoy:v1.31.0"));
    }

    @Test
    void coversAllWorkloadKindsAndLists() {
        String input = """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: argoproj.io/v1alpha1
                  kind: Rollout
                  spec: {template: {spec: {containers: [{name: a, image: ghcr.io/acme/web:1}]}}}
                - kind: Pod
                  spec: {containers: [{name: a, image: ghcr.io/acme/web:1}]}
                - kind: StatefulSet
                  spec: {template: {spec: {containers: [{name: a, image: ghcr.io/acme/web:1}]}}}
                - kind: ConfigMap
                  data: {image: ghcr.io/acme/web:1}
                """;
        String expected = input.replace("image: ghcr.io/acme/web:1}]", "image: ghcr.io/acme/web:2}]");
        assertThat(apply(input, "ghcr.io/acme/web", "2", null)).isEqualTo(expected);
        assertThat(expected).contains("data: {image: ghcr.io/acme/web:1}");
    }

    @Test
    void readsEveryReference() {
        assertThat(updater.read("w.yaml", MANIFESTS.getBytes(StandardCharsets.UTF_8), ImageReference.parseName("ghcr.io/acme/web")))
                .extracting(ImageVersion::where, ImageVersion::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Deployment/web initContainers[migrate]", 13),
                        org.assertj.core.groups.Tuple.tuple("Deployment/web containers[web]", 16),
                        org.assertj.core.groups.Tuple.tuple("CronJob/web-report containers[report]", 37));
    }

    @Test
    void saysWhichImagesTheFileHasWhenTheAppsIsMissing() {
        assertThatThrownBy(() -> apply(MANIFESTS, "ghcr.io/acme/api", "2", null))
                .isInstanceOf(YamlEditException.class)
                .hasMessageContaining("no container image named ghcr.io/acme/api")
                .hasMessageContaining("docker.io/envoyproxy/envoy:v1.30.1");
    }

    @Test
    void refusesAHelmTemplate() {
        String template = "kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n"
                + "      - image: {{ .Values.image }}\n";
        assertThatThrownBy(() -> apply(template, "ghcr.io/acme/web", "2", null))
                .isInstanceOf(YamlEditException.class).hasMessageContaining("not valid YAML").hasMessageContaining("template");
    }
}
