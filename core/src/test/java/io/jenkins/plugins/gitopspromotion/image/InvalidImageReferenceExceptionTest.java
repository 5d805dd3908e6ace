package io.jenkins.plugins.gitopspromotion.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvalidImageReferenceExceptionTest {

    @Test
    void messageIsWhatThenQuotedInputThenProblem() {
        InvalidImageReferenceException e = new InvalidImageReferenceException("image reference", "a\nb", "is bad");

        assertThat(e).hasMessage("image reference 'a\\nb' is bad").isInstanceOf(IllegalArgumentException.class);
        assertThat(e.input()).isEqualTo("a\nb");
        assertThat(e.problem()).isEqualTo("is bad");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "nginx|'nginx'",
                "it's|'it\\'s'",
                "back\\slash|'back\\\\slash'",
            })
    void quotesAndEscapesQuotesAndBackslashes(String text, String quoted) {
        assertThat(InvalidImageReferenceException.quote(text)).isEqualTo(quoted);
    }

    @Test
    void escapesCharactersThatCouldForgeOrHideLogLines() {
        String hostile = "a\nb\rc\td\u0000e\u001bf\u007fg\u0085h\u2028i\u2029j\u202ek\u200bl\ud800m";

        assertThat(InvalidImageReferenceException.quote(hostile))
                .isEqualTo("'a\\nb\\rc\\td\\u0000e\\u001bf\\u007fg\\u0085h\\u2028i\\u2029j\\u202ek\\u200bl\\ud800m'");
    }

    @Test
    void keepsPrintableUnicodeIncludingSurrogatePairs() {
        assertThat(InvalidImageReferenceException.quote("é\ud83d\ude00")).isEqualTo("'é\ud83d\ude00'");
    }

    @Test
    void cutsLongInputSoALogCannotBeFlooded() {
        String quoted = InvalidImageReferenceException.quote("x".repeat(10_000));

        assertThat(quoted).isEqualTo("'" + "x".repeat(600) + "'... (9400 more characters)");
    }

    @Test
    void quotesNullAsNull() {
        assertThat(InvalidImageReferenceException.quote(null)).isEqualTo("null");
    }
}
