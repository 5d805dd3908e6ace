package io.jenkins.plugins.gitopspromotion.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageTagTest {

    private static final String RULE = "a tag is 1 to 128 characters of letters, digits, '_', '.' and '-',"
            + " not starting with '.' or '-'";

    @ParameterizedTest
    @ValueSource(strings = {"latest", "1.25", "1.25.3-alpine", "v2-rc.1", "_internal", "A", "9", "X_Y.z-1", "a--b..c"})
    void acceptsValidTags(String tag) {
        assertThat(ImageTag.requireValid(tag)).isSameAs(tag);
        assertThat(ImageTag.isValid(tag)).isTrue();
    }

    @Test
    void accepts128CharactersAndRefuses129() {
        String longest = "a".repeat(128);

        assertThat(ImageTag.requireValid(longest)).isEqualTo(longest);
        assertThatThrownBy(() -> ImageTag.requireValid(longest + "a"))
                .isInstanceOf(InvalidImageReferenceException.class)
                .hasMessageContaining("it is 129 characters long");
    }

    @Test
    void messageQuotesTheTagAndStatesTheRule() {
        assertThatThrownBy(() -> ImageTag.requireValid("bad tag;rm"))
                .isInstanceOf(InvalidImageReferenceException.class)
                .hasMessageStartingWith("tag 'bad tag;rm' is not a valid image tag: " + RULE)
                .hasMessageContaining("' ' at index 3");
    }

    static Stream<Arguments> invalidTags() {
        return Stream.of(
                Arguments.of("", "it is empty"),
                Arguments.of(".hidden", "it starts with '.'"),
                Arguments.of("-rc1", "it starts with '-'"),
                Arguments.of("1.0;rm -rf", "';' at index 3"),
                Arguments.of("a/b", "'/' at index 1"),
                Arguments.of("a:b", "':' at index 1"),
                Arguments.of("a@b", "'@' at index 1"),
                Arguments.of("v1\nINFO forged", "'\\n' at index 2"),
                Arguments.of("v1\u0007", "'\\u0007' at index 2"),
                Arguments.of("v1\u202e", "'\\u202e' at index 2"),
                Arguments.of("vé", "'é' at index 1"));
    }

    @ParameterizedTest
    @MethodSource("invalidTags")
    void refusesInvalidTagsSayingWhy(String tag, String detail) {
        assertThat(ImageTag.isValid(tag)).isFalse();
        assertThatThrownBy(() -> ImageTag.requireValid(tag))
                .isInstanceOf(InvalidImageReferenceException.class)
                .message()
                .contains(RULE, detail)
                .startsWith("tag " + InvalidImageReferenceException.quote(tag) + " is not a valid image tag")
                .doesNotContain("\n", "\u0007", "\u202e");
    }

    @Test
    void controlCharactersInTheTagAreEscapedInTheMessage() {
        assertThatThrownBy(() -> ImageTag.requireValid("1.0\nERROR fake log line"))
                .isInstanceOf(InvalidImageReferenceException.class)
                .hasMessageStartingWith("tag '1.0\\nERROR fake log line' is not a valid image tag");
    }

    @Test
    void nullIsNotValid() {
        assertThat(ImageTag.isValid(null)).isFalse();
        assertThatThrownBy(() -> ImageTag.requireValid(null)).isInstanceOf(NullPointerException.class);
    }
}
