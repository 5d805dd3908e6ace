package io.jenkins.plugins.gitopspromotion.update;

import static io.jenkins.plugins.gitopspromotion.update.KustomizeImagesUpdaterTest.DIGEST;
import static io.jenkins.plugins.gitopspromotion.update.KustomizeImagesUpdaterTest.OLD_DIGEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import io.jenkins.plugins.gitopspromotion.yaml.YamlPath;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HelmValuesUpdaterTest {

    private static final String VALUES = """
            # Default values for web.
            replicaCount: 2

            image:
              repository: ghcr.io/acme/web
              pullPolicy: IfNotPresent
              # Overrides the image tag whose default is the chart appVersion.
              tag: "1.0.0"
              digest: ""

            service:
              type: ClusterIP
              port: 80
            """;

    private static String apply(HelmValuesUpdater updater, String input, String tag, String digest) {
        return new String(updater.apply("charts/web/values-dev.yaml", input.getBytes(StandardCharsets.UTF_8),
                ImageUpdate.of("ghcr.io/acme/web", tag, digest)).after(), StandardCharsets.UTF_8);
    }

    private static HelmValuesUpdater updater(String tagPath, String digestPath) {
        return new HelmValuesUpdater(YamlPath.parse(tagPath), Optional.ofNullable(digestPath).map(YamlPath::parse),
                YamlLimits.DEFAULT);
    }

    @Test
    void setsTagAndDigestKeepingCommentsAndQuotes() {
        String expected = VALUES.replace("tag: \"1.0.0\"", "tag: \"1.1.0\"").replace("digest: \"\"", "digest: \"" + DIGEST + "\"");
        assertThat(apply(updater("image.tag", "image.digest"), VALUES, "1.1.0", DIGEST)).isEqualTo(expected);
    }

    @Test
    void withoutDigestPathTheTagAloneIsWritten() {
        FileChange change = updater("image.tag", null).apply("v.yaml", VALUES.getBytes(StandardCharsets.UTF_8),
                ImageUpdate.of("ghcr.io/acme/web", "1.1.0", DIGEST));
        assertThat(new String(change.after(), StandardCharsets.UTF_8)).isEqualTo(VALUES.replace("\"1.0.0\"", "\"1.1.0\""));
        assertThatThrownBy(() -> updater("image.tag", null).apply("v.yaml", VALUES.getBytes(StandardCharsets.UTF_8),
                ImageUpdate.of("ghcr.io/acme/web", null, DIGEST)))
                .isInstanceOf(YamlEditException.class).hasMessageContaining("no digestPath");
    }

    @Test
    void aTagAloneEmptiesAPinnedDigest() {
        String input = "image:\n  repository: ghcr.io/acme/web\n  tag: 1.0.0\n  digest: " + OLD_DIGEST + " # pinned\n";
        assertThat(apply(updater("image.tag", "image.digest"), input, "1.1.0", null))
                .isEqualTo("image:\n  repository: ghcr.io/acme/web\n  tag: 1.1.0\n  digest: \"\" # pinned\n");
    }

    @Test
    void followsNestedKeysAndListIndexes() {
        String input = """
                images:
                  web:
                    tag: 1.0.0
                sidecars:
                  - name: proxy
                    image: {repository: ghcr.io/acme/web, tag: '1.0.0'}
                """;
        assertThat(apply(updater("images.web.tag", null), input, "1.1.0", null))
                .isEqualTo(input.replace("    tag: 1.0.0", "    tag: 1.1.0"));
        assertThat(apply(updater("sidecars[0].image.tag", null), input, "1.1.0", null))
                .isEqualTo(input.replace("'1.0.0'", "'1.1.0'"));
        assertThat(apply(updater("sidecars.0.image.tag", null), input, "1.1.0", null))
                .isEqualTo(input.replace("'1.0.0'", "'1.1.0'"));
    }

    @Test
    void addsMissingKeysInTheFilesIndentation() {
        String input = "image:\n    repository: ghcr.io/acme/web\nservice:\n    port: 80\n";
        assertThat(apply(updater("image.tag", "image.digest"), input, "1.1.0", DIGEST))
                .isEqualTo("image:\n    repository: ghcr.io/acme/web\n    tag: 1.1.0\n    digest: " + DIGEST
                        + "\nservice:\n    port: 80\n");
        assertThat(apply(updater("images.web.tag", null), "replicaCount: 1\n", "1.1.0", null))
                .isEqualTo("replicaCount: 1\nimages:\n  web:\n    tag: 1.1.0\n");
        assertThat(apply(updater("image.tag", null), "image:\nreplicaCount: 1\n", "1.1.0", null))
                .isEqualTo("image:\n  tag: 1.1.0\nreplicaCount: 1\n");
    }

    @Test
    void refusesAPathIntoAnotherImagesValues() {
        String input = "image:\n  registry: docker.io\n  repository: bitnami/nginx\n  tag: 1.25.0\n";
        assertThatThrownBy(() -> apply(updater("image.tag", null), input, "1.1.0", null))
                .isInstanceOf(YamlEditException.class).hasMessageContaining("name another image than ghcr.io/acme/web");
        FileChange change = updater("image.tag", null).apply("v.yaml", input.getBytes(StandardCharsets.UTF_8),
                ImageUpdate.of("bitnami/nginx", "1.27.0", null));
        assertThat(new String(change.after(), StandardCharsets.UTF_8)).isEqualTo(input.replace("1.25.0", "1.27.0"));
    }

    @Test
    void refusesUnsafeValues() {
        assertThatThrownBy(() -> apply(updater("image.tag", null), "base: &b\n  tag: 1.0.0\nimage: *b\n", "2", null))
                .hasMessageContaining("anchor &b");
        assertThatThrownBy(() -> apply(updater("image.tag", null), "base: &b {tag: 1}\nimage:\n  <<: *b\n", "2", null))
                .hasMessageContaining("merge key");
        assertThatThrownBy(() -> apply(updater("image.tag", null), "image:\n  tag: >-\n    1.0\n", "2", null))
                .hasMessageContaining("block scalar");
        assertThatThrownBy(() -> apply(updater("image.tag", null), "image: ghcr.io/acme/web:1.0\n", "2", null))
                .hasMessageContaining("image.tag goes through a single value");
        assertThatThrownBy(() -> apply(updater("image", null), "image:\n  tag: 1\n", "2", null))
                .hasMessageContaining("image is a mapping, not a single value");
        assertThatThrownBy(() -> apply(updater("list[3].tag", null), "list:\n- tag: 1\n", "2", null))
                .hasMessageContaining("names item 3 of a list of 1");
    }

    @Test
    void readsTheVersion() {
        assertThat(updater("image.tag", "image.digest").read("v.yaml", VALUES.getBytes(StandardCharsets.UTF_8),
                ImageReference.parseName("ghcr.io/acme/web")))
                .singleElement().satisfies(v -> {
                    assertThat(v.tag()).contains("1.0.0");
                    assertThat(v.digest()).isEmpty();
                    assertThat(v.line()).isEqualTo(8);
                });
    }
}
