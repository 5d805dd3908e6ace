package io.jenkins.plugins.gitopspromotion.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DigestTest {

    static final String HEX64 = "0123456789abcdef".repeat(4);
    static final String HEX128 = "fedcba9876543210".repeat(8);

    @Test
    void parsesSha256() {
        Digest digest = Digest.parse("sha256:" + HEX64);

        assertThat(digest.algorithm()).isEqualTo("sha256");
        assertThat(digest.hex()).isEqualTo(HEX64);
        assertThat(digest).hasToString("sha256:" + HEX64);
        assertThat(digest.shortForm()).isEqualTo("0123456789ab");
    }

    @Test
    void parsesSha512() {
        Digest digest = Digest.parse("sha512:" + HEX128);

        assertThat(digest.algorithm()).isEqualTo("sha512");
        assertThat(digest.hex()).isEqualTo(HEX128);
        assertThat(digest).hasToString("sha512:" + HEX128);
        assertThat(digest.shortForm()).isEqualTo("fedcba987654");
    }

    @Test
    void equalityIsOnAlgorithmAndHex() {
        Digest a = Digest.parse("sha256:" + HEX64);
        Digest same = Digest.parse("sha256:" + HEX64);
        Digest otherHex = Digest.parse("sha256:" + "f".repeat(64));
        Digest otherAlgorithm = Digest.parse("sha512:" + HEX64 + HEX64);

        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(a).isNotEqualTo(otherHex).isNotEqualTo(otherAlgorithm).isNotEqualTo("sha256:" + HEX64);
    }

    static Stream<Arguments> invalidDigests() {
        return Stream.of(
                Arguments.of("sha256:abc", new String[] {"digest 'sha256:abc'", "has 3 hex digits, sha256 needs 64"}),
                Arguments.of("sha256:" + HEX64 + "0", new String[] {"has 65 hex digits, sha256 needs 64"}),
                Arguments.of("sha512:" + HEX64, new String[] {"has 64 hex digits, sha512 needs 128"}),
                Arguments.of("md5:d41d8cd98f00b204e9800998ecf8427e",
                        new String[] {"unsupported digest algorithm md5", "sha256", "sha512"}),
                Arguments.of("sha384:" + HEX64, new String[] {"unsupported digest algorithm sha384"}),
                Arguments.of("SHA256:" + HEX64, new String[] {"unsupported digest algorithm SHA256", "write sha256"}),
                Arguments.of("sha256:" + HEX64.toUpperCase(Locale.ROOT),
                        new String[] {"uppercase hex not allowed", "lowercase"}),
                Arguments.of("sha256:" + "g".repeat(64), new String[] {"'g' at index 7", "not a hex digit"}),
                Arguments.of("sha256" + HEX64, new String[] {"no ':'", "sha256:<64 lowercase hex digits>"}),
                Arguments.of("", new String[] {"digest ''", "no ':'"}),
                Arguments.of(":" + HEX64, new String[] {"no algorithm before ':'"}),
                Arguments.of("sha256:", new String[] {"no hex digits after 'sha256:'"}),
                Arguments.of("md5\n:abc",
                        new String[] {"digest 'md5\\n:abc'", "uses unsupported digest algorithm 'md5\\n'"}));
    }

    @ParameterizedTest
    @MethodSource("invalidDigests")
    void refusesInvalidDigestsSayingWhy(String input, String[] expectedFragments) {
        assertThatThrownBy(() -> Digest.parse(input))
                .isInstanceOf(InvalidImageReferenceException.class)
                .satisfies(e -> assertThat(((InvalidImageReferenceException) e).input()).isEqualTo(input))
                .message()
                .contains(expectedFragments)
                .doesNotContain("\n");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Digest.parse(null)).isInstanceOf(NullPointerException.class);
    }
}
