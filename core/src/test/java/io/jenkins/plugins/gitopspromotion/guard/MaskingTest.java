package io.jenkins.plugins.gitopspromotion.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void showsAtMostFourCharactersAndTheLength() {
        String token = FakeSecrets.githubToken();
        assertThat(Masking.mask(token)).isEqualTo("ghp_…(40 chars)");
        assertThat(Masking.mask(FakeSecrets.generatedSecret(1))).hasSize("xxxx…(32 chars)".length()).doesNotContain(
                FakeSecrets.generatedSecret(1).substring(0, 5));
    }

    @Test
    void neverShowsMoreThanAQuarterOfAShortValue() {
        assertThat(Masking.mask("hunter2")).isEqualTo("h…(7 chars)");
        assertThat(Masking.mask("abcdefghijkl")).isEqualTo("abc…(12 chars)");
        assertThat(Masking.mask("abc")).isEqualTo("…(3 chars)");
        assertThat(Masking.mask("x")).isEqualTo("…(1 char)");
    }

    @Test
    void emptyAndNullMaskToEmpty() {
        assertThat(Masking.mask("")).isEmpty();
        assertThat(Masking.mask(null)).isEmpty();
    }

    @Test
    void controlCharactersCannotForgeOutputLines() {
        assertThat(Masking.mask("\n\r\tXsecretsecretsecret")).isEqualTo("???X…(22 chars)");
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        assertThat(Masking.mask("😀😀😀😀😀😀😀😀")).isEqualTo("😀😀…(8 chars)");
    }
}
