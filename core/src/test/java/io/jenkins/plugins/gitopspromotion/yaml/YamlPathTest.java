package io.jenkins.plugins.gitopspromotion.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class YamlPathTest {

    @Test
    void parsesKeysAndIndexes() {
        assertThat(YamlPath.parse("image.tag").segments()).containsExactly("image", "tag");
        assertThat(YamlPath.parse("images.web.tag").segments()).containsExactly("images", "web", "tag");
        assertThat(YamlPath.parse("containers[0].image").segments()).containsExactly("containers", "0", "image");
        assertThat(YamlPath.parse("a[1][2]").segments()).containsExactly("a", "1", "2");
        assertThat(YamlPath.parse("containers.0.image").segments()).isEqualTo(YamlPath.parse("containers[0].image").segments());
        assertThat(YamlPath.parse("a[1][2]")).isEqualTo(YamlPath.parse("a[1][2]"));
        assertThat(YamlPath.parse("a.b").toString()).isEqualTo("a.b");
    }

    @Test
    void remembersWhichSegmentsAreWrittenAsListIndexes() {
        YamlPath bracketed = YamlPath.parse("image[0].attributes.tag");
        assertThat(bracketed.isListIndex(1)).isTrue();
        assertThat(bracketed.isListIndex(0)).isFalse();
        YamlPath dotted = YamlPath.parse("image.0.attributes.tag");
        assertThat(dotted.isListIndex(1)).isFalse();
        assertThat(dotted).isNotEqualTo(bracketed);
    }

    @Test
    void refusesMalformedPaths() {
        for (String bad : new String[] {"", " ", "a..b", ".a", "a.", "a[x]", "a[1", " a"}) {
            assertThatThrownBy(() -> YamlPath.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("value path");
        }
    }
}
