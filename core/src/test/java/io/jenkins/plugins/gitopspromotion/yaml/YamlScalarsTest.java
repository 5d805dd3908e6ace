package io.jenkins.plugins.gitopspromotion.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

class YamlScalarsTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.10", "1", "0x1F", "0o17", "017", "1e3", "-1.5", ".inf", ".NaN", "true", "False", "yes", "No", "on",
        "OFF", "y", "~", "null", "2026-11-27", "", " lead", "trail ", "-dash", "a: b", "a #b", "[x]", "{x}", "a,b", "*ref", "&a",
        "!tag", "'q", "\"q", "%d", "@a", "`a", "|", ">", "#c", "?"})
    void quotesWhatWouldNotReadBackAsTheSameString(String value) {
        assertThat(YamlScalars.needsQuotes(value)).isTrue();
        Object read = new Load(LoadSettings.builder().build()).loadFromString("k: " + YamlScalars.render(value));
        assertThat(read).isEqualTo(java.util.Map.of("k", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "v1.10", "7.2-alpine", "sha256:abc", "ghcr.io/acme/web:1.0@sha256:abc", "latest", "a-b_c.d",
        "localhost:5000/web", "2026.11.27"})
    void leavesPlainWhatReadsBackAsTheSameString(String value) {
        assertThat(YamlScalars.needsQuotes(value)).isFalse();
        assertThat(YamlScalars.render(value)).isEqualTo(value);
    }

    @Test
    void escapesQuotedStyles() {
        assertThat(YamlScalars.doubleQuoted("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
        assertThat(YamlScalars.singleQuoted("it's")).isEqualTo("'it''s'");
        assertThat(YamlScalars.singleQuoted("line\nbreak")).isEqualTo("\"line\\nbreak\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!binary \"MS4wLjA=\"", "!!int 5", "!custom 1.0", "!<tag:yaml.org,2002:binary> MS4wLjA="})
    void refusesAScalarExplicitlyTaggedAsAnythingButAString(String value) {
        String text = "newTag: " + value + "\n";
        YamlFile file = YamlFile.parse("f.yaml", text.getBytes(StandardCharsets.UTF_8), YamlLimits.DEFAULT);
        ScalarNode node = (ScalarNode) ((MappingNode) file.documents().get(0)).getValue().get(0).getValueNode();

        assertThatThrownBy(() -> YamlScalars.replace(file, node, "2.0.0", "newTag")).isInstanceOf(YamlEditException.class)
                .hasMessage("f.yaml:1: refused: newTag is explicitly tagged " + value.substring(0, value.indexOf(' '))
                        + ", so it is not plain text; remove the tag (or write !!str) to have it changed");
    }

    @Test
    void replacesAfterAVerbatimStringTag() {
        String text = "a: !<tag:yaml.org,2002:str> v1\n";
        YamlFile file = YamlFile.parse("f.yaml", text.getBytes(StandardCharsets.UTF_8), YamlLimits.DEFAULT);
        ScalarNode node = (ScalarNode) ((MappingNode) file.documents().get(0)).getValue().get(0).getValueNode();

        assertThat(TextEdit.apply(text, List.of(YamlScalars.replace(file, node, "v2", "a"))))
                .isEqualTo("a: !<tag:yaml.org,2002:str> v2\n");
    }

    @Test
    void replacesAfterAnExplicitTagAndFillsAnEmptyValueWithItsSpace() {
        String text = "a: !!str v1\nb:\n";
        YamlFile file = YamlFile.parse("f.yaml", text.getBytes(StandardCharsets.UTF_8), YamlLimits.DEFAULT);
        MappingNode root = (MappingNode) file.documents().get(0);
        TextEdit tagged = YamlScalars.replace(file, (ScalarNode) root.getValue().get(0).getValueNode(), "v2", "a");
        TextEdit empty = YamlScalars.replace(file, (ScalarNode) root.getValue().get(1).getValueNode(), "x", "b");
        assertThat(TextEdit.apply(text, List.of(tagged, empty))).isEqualTo("a: !!str v2\nb: x\n");
    }
}
