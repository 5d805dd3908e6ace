package io.jenkins.plugins.gitopspromotion.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageSourcesTest {

    private static YamlFile yaml(String text) {
        return YamlFile.parse("f.yaml", text.getBytes(StandardCharsets.UTF_8), YamlLimits.DEFAULT);
    }

    @Test
    void kustomizeImagesPreferNewName() {
        assertThat(ImageSources.kustomizeImages(yaml("""
                images:
                  - name: placeholder
                    newName: ghcr.io/acme/web
                  - name: nginx
                    newTag: "1.27"
                  - name: ""
                """))).containsExactly(new ImageSources.Written("ghcr.io/acme/web", 3),
                        new ImageSources.Written("nginx", 4));
    }

    @Test
    void helmImagesJoinRegistryAndRepositoryAndSkipTemplates() {
        assertThat(ImageSources.helmImages(yaml("image:\n  registry: ghcr.io\n  repository: acme/api\n")))
                .containsExactly(new ImageSources.Written("ghcr.io/acme/api", 3));
        assertThat(ImageSources.helmImages(yaml("image:\n  repository: \"{{ .Values.repo }}\"\n"))).isEmpty();
        assertThat(ImageSources.hasHelmDigest(yaml("image:\n  repository: x\n  digest: \"\"\n"))).isTrue();
        assertThat(ImageSources.hasHelmDigest(yaml("image:\n  repository: x\n"))).isFalse();
    }

    @Test
    void containerImagesOfWorkloadsListsAndPods() {
        assertThat(ImageSources.containerImages(yaml("""
                kind: List
                items:
                  - kind: Pod
                    spec:
                      containers:
                        - image: ghcr.io/acme/a:1
                        - image: "${IMAGE}"
                  - kind: ConfigMap
                    data:
                      image: ghcr.io/acme/not-a-container
                ---
                kind: StatefulSet
                spec:
                  template:
                    spec:
                      initContainers:
                        - image: busybox@sha256:%s
                """.formatted("0".repeat(64))))).containsExactly(ImageReference.parseName("ghcr.io/acme/a"),
                        ImageReference.parseName("busybox"));
    }
}
