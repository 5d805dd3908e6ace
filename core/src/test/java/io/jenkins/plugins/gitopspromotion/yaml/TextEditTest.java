package io.jenkins.plugins.gitopspromotion.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextEditTest {

    @Test
    void appliesEditsInAnyOrderAndCopiesTheRest() {
        String text = "0123456789";
        assertThat(TextEdit.apply(text, List.of(new TextEdit(8, 9, "X"), TextEdit.insert(0, ">"), new TextEdit(2, 4, ""))))
                .isEqualTo(">01456789".replace("8", "X"));
    }

    @Test
    void refusesOverlappingEdits() {
        assertThatThrownBy(() -> TextEdit.apply("0123456789", List.of(new TextEdit(1, 5, "a"), new TextEdit(4, 6, "b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> new TextEdit(3, 2, "")).isInstanceOf(IllegalArgumentException.class);
    }
}
