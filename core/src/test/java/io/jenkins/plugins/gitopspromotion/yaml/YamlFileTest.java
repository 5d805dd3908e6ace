package io.jenkins.plugins.gitopspromotion.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

class YamlFileTest {

    private static YamlFile parse(String text) {
        return YamlFile.parse("f.yaml", text.getBytes(StandardCharsets.UTF_8), YamlLimits.DEFAULT);
    }

    private static void assertRefused(byte[] bytes, YamlLimits limits, String message) {
        assertThatThrownBy(() -> YamlFile.parse("f.yaml", bytes, limits))
                .isInstanceOf(YamlEditException.class).hasMessageStartingWith("f.yaml").hasMessageContaining(message);
    }

    @Test
    void positionsAreCharOffsetsEvenAfterCharactersOutsideTheBasicPlane() {
        YamlFile file = parse("emoji: \"\uD83D\uDE00\uD83D\uDE00\"\ntag: 1.0\n");
        MappingNode root = (MappingNode) file.documents().get(0);
        ScalarNode tag = (ScalarNode) root.getValue().get(1).getValueNode();
        String text = file.source().text();
        assertThat(text.substring(file.start(tag), file.end(tag))).isEqualTo("1.0");
        assertThat(file.line(tag)).isEqualTo(2);
    }

    @Test
    void refusesInvalidUtf8NamingTheLine() {
        byte[] bytes = {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        assertRefused(bytes, YamlLimits.DEFAULT, "f.yaml:2: file is not valid UTF-8");
    }

    @Test
    void refusesUtf16AndControlCharacters() {
        assertRefused(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}, YamlLimits.DEFAULT, "only UTF-8");
        assertRefused("a: 1\nb: \u0007\n".getBytes(StandardCharsets.UTF_8), YamlLimits.DEFAULT, "f.yaml:2: file contains the control character U+0007");
    }

    @Test
    void refusesDeepNestingBeforeItCanOverflowTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertRefused(deep.getBytes(StandardCharsets.UTF_8), new YamlLimits(1 << 20, 50, 64), "nesting deeper than 64 levels");
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            block.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        assertRefused(block.toString().getBytes(StandardCharsets.UTF_8), new YamlLimits(1 << 20, 50, 64), "nesting deeper than 64");
    }

    @Test
    void refusesRecursiveAliasesAndDuplicateKeys() {
        assertRefused("a: &a [1, *a]\n".getBytes(StandardCharsets.UTF_8), YamlLimits.DEFAULT, "recursive");
        assertRefused("a:\n  b: 1\n  c: 2\n  b: 3\n".getBytes(StandardCharsets.UTF_8), YamlLimits.DEFAULT,
                "f.yaml:4: duplicate key 'b' (first at line 2)");
    }

    @Test
    void aliasChainsAreCheckedOnceNotExponentially() {
        StringBuilder chain = new StringBuilder("l0: &l0 {x: 1}\n");
        for (int i = 1; i <= 24; i++) {
            chain.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
        }
        // 48 aliases to collections, 2^24 nodes if expanded: within the alias limit, so it must parse at once.
        YamlFile file = YamlFile.parse("f.yaml", chain.toString().getBytes(StandardCharsets.UTF_8), YamlLimits.DEFAULT);
        assertThat(file.documents()).hasSize(1);
    }

    @Test
    void saysWhenATemplateIsNotYaml() {
        assertRefused("image: {{ .Values.image }}\n".getBytes(StandardCharsets.UTF_8), YamlLimits.DEFAULT, "template expression");
        assertRefused("a: [1\n".getBytes(StandardCharsets.UTF_8), YamlLimits.DEFAULT, "not valid YAML");
    }

    @Test
    void knowsTheAnchorAroundANode() {
        YamlFile file = parse("base: &b\n  image: {tag: 1}\nother: 2\n");
        MappingNode root = (MappingNode) file.documents().get(0);
        MappingNode image = (MappingNode) ((MappingNode) root.getValue().get(0).getValueNode()).getValue().get(0).getValueNode();
        assertThat(file.anchorAround(image.getValue().get(0).getValueNode())).contains("b");
        assertThat(file.anchorAround(root.getValue().get(1).getValueNode())).isEmpty();
    }
}
