package io.jenkins.plugins.gitopspromotion.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

    // Literals, not repeat(): the constants are used in annotations.
    private static final String HEX64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String HEX128 = HEX64 + HEX64;
    private static final String SHA256 = "sha256:" + HEX64;
    private static final String SHA512 = "sha512:" + HEX128;

    // ---------------------------------------------------------------- valid references

    static Stream<Arguments> validReferences() {
        return Stream.of(
                // input, registry, repository, tag, digest
                Arguments.of("nginx", null, "nginx", null, null),
                Arguments.of("nginx:1.25", null, "nginx", "1.25", null),
                Arguments.of("library/nginx", null, "library/nginx", null, null),
                Arguments.of("acme/web:v1", null, "acme/web", "v1", null),
                Arguments.of("docker.io/library/nginx:latest", "docker.io", "library/nginx", "latest", null),
                Arguments.of("ghcr.io/acme/team/sub/web", "ghcr.io", "acme/team/sub/web", null, null),
                Arguments.of("localhost/web", "localhost", "web", null, null),
                Arguments.of("localhost:5000/web:dev", "localhost:5000", "web", "dev", null),
                Arguments.of("registry.example.com:443/acme/web:1.0", "registry.example.com:443", "acme/web", "1.0",
                        null),
                Arguments.of("[::1]:5000/web", "[::1]:5000", "web", null, null),
                Arguments.of("[::1]/web", "[::1]", "web", null, null),
                Arguments.of("[2001:db8::1]/acme/web:2", "[2001:db8::1]", "acme/web", "2", null),
                Arguments.of("[FE80:0:0:0:0:0:0:1]:8443/x", "[FE80:0:0:0:0:0:0:1]:8443", "x", null, null),
                Arguments.of("192.168.1.10:5000/team/app:1", "192.168.1.10:5000", "team/app", "1", null),
                Arguments.of("my-registry.internal/web", "my-registry.internal", "web", null, null),
                Arguments.of("myhost:5000/web", "myhost:5000", "web", null, null),
                Arguments.of("Registry/web", "Registry", "web", null, null),
                Arguments.of("a__b", null, "a__b", null, null),
                Arguments.of("a-----b", null, "a-----b", null, null),
                Arguments.of("a.b", null, "a.b", null, null),
                Arguments.of("a_b/c-d/e.f/g__h", null, "a_b/c-d/e.f/g__h", null, null),
                Arguments.of("0/1", null, "0/1", null, null),
                Arguments.of("nginx@" + SHA256, null, "nginx", null, SHA256),
                Arguments.of("nginx:1.25@" + SHA256, null, "nginx", "1.25", SHA256),
                Arguments.of("ghcr.io/acme/web@" + SHA512, "ghcr.io", "acme/web", null, SHA512),
                Arguments.of("localhost:5000/a/b:X_y.z-1@" + SHA256, "localhost:5000", "a/b", "X_y.z-1", SHA256),
                Arguments.of("nginx:_", null, "nginx", "_", null),
                Arguments.of("nginx:" + "t".repeat(128), null, "nginx", "t".repeat(128), null),
                // Alone, "localhost:5000" is repository "localhost" with tag "5000", as in docker.
                Arguments.of("localhost:5000", null, "localhost", "5000", null),
                Arguments.of("a".repeat(255), null, "a".repeat(255), null, null),
                Arguments.of("ghcr.io/" + "a".repeat(247), "ghcr.io", "a".repeat(247), null, null));
    }

    @ParameterizedTest
    @MethodSource("validReferences")
    void parsesValidReferencesKeepingEachPartAsWritten(
            String input, String registry, String repository, String tag, String digest) {
        ImageReference ref = ImageReference.parse(input);

        assertThat(ref.registry()).isEqualTo(Optional.ofNullable(registry));
        assertThat(ref.repository()).isEqualTo(repository);
        assertThat(ref.name()).isEqualTo(registry == null ? repository : registry + "/" + repository);
        assertThat(ref.tag()).isEqualTo(Optional.ofNullable(tag));
        assertThat(ref.digest().map(Digest::toString)).isEqualTo(Optional.ofNullable(digest));
    }

    @ParameterizedTest
    @MethodSource("validReferences")
    void roundTripsExactly(String input) {
        ImageReference ref = ImageReference.parse(input);

        assertThat(ref).hasToString(input);
        assertThat(ImageReference.parse(ref.toString())).isEqualTo(ref);
        assertThat(ImageReference.of(ref.name(), ref.tag().orElse(null), ref.digest().orElse(null))).isEqualTo(ref);
    }

    // ---------------------------------------------------------------- invalid references

    static Stream<Arguments> invalidReferences() {
        return Stream.of(
                Arguments.of("", List.of("image reference ''", "is empty", "e.g. ghcr.io/acme/web:1.4.2")),
                Arguments.of("nginx ", List.of("contains whitespace at index 5")),
                Arguments.of(" nginx", List.of("contains whitespace at index 0")),
                Arguments.of("nginx:bad tag", List.of("'nginx:bad tag'", "contains whitespace at index 9")),
                Arguments.of("ngi\u0007nx", List.of("'ngi\\u0007nx'", "contains a control character at index 3")),
                Arguments.of("nginx\nINFO forged", List.of("'nginx\\nINFO forged'", "whitespace at index 5")),
                Arguments.of("ngınx", List.of("non-ASCII character 'ı' at index 2")),
                Arguments.of("Nginx", List.of("repository name must be lowercase", "'Nginx'")),
                Arguments.of("ghcr.io/Acme/web", List.of("repository name must be lowercase", "'Acme/web'")),
                Arguments.of("a//b", List.of("empty path component", "'//'")),
                Arguments.of("ghcr.io/a//b:1", List.of("empty path component")),
                Arguments.of("acme/web/", List.of("ends with '/'")),
                Arguments.of("/web", List.of("starts with '/'")),
                Arguments.of("ghcr.io/", List.of("no repository after registry 'ghcr.io'")),
                Arguments.of("nginx:", List.of("has ':' but no tag after it", "1 to 128 characters")),
                Arguments.of("nginx@", List.of("has '@' but no digest after it", "sha256:<64 lowercase hex digits>")),
                Arguments.of("nginx:1@", List.of("has '@' but no digest after it")),
                Arguments.of("nginx@sha256:abc",
                        List.of("is not valid: digest 'sha256:abc' has 3 hex digits, sha256 needs 64")),
                Arguments.of("nginx@md5:d41d8cd98f00b204e9800998ecf8427e",
                        List.of("digest 'md5:d41d8cd98f00b204e9800998ecf8427e' uses unsupported digest algorithm md5")),
                Arguments.of("nginx@sha256:" + HEX64.toUpperCase(Locale.ROOT),
                        List.of("uppercase hex not allowed")),
                Arguments.of("nginx@" + SHA256 + "@" + SHA256, List.of("more than one '@'")),
                Arguments.of("localhost:0/web", List.of("registry 'localhost:0'", "port 0", "not in 1..65535")),
                Arguments.of("localhost:65536/web", List.of("port 65536", "not in 1..65535")),
                Arguments.of("localhost:99999999999999999999/web", List.of("not in 1..65535")),
                Arguments.of("localhost:/web", List.of("no port number")),
                Arguments.of("localhost:http/web", List.of("port 'http'", "not a number")),
                Arguments.of(":5000/web", List.of("no host name before ':'")),
                Arguments.of("nginx:-x", List.of("tag '-x' is not a valid image tag", "it starts with '-'")),
                Arguments.of("nginx:.x", List.of("tag '.x' is not a valid image tag")),
                Arguments.of("nginx:" + "t".repeat(129), List.of("it is 129 characters long")),
                Arguments.of("nginx:1;rm", List.of("tag '1;rm' is not a valid image tag", "';' at index 1")),
                Arguments.of(":1.0", List.of("has no repository name")),
                Arguments.of("@" + SHA256, List.of("has no repository name")),
                Arguments.of("_a", List.of("path component '_a' starts with '_'")),
                Arguments.of("a_/b", List.of("path component 'a_' ends with '_'")),
                Arguments.of("a-", List.of("ends with '-'")),
                Arguments.of("a._b", List.of("separator '._'", "'.', '_', '__' or one or more '-'")),
                Arguments.of("a___b", List.of("separator '___'")),
                Arguments.of("a-_b", List.of("separator '-_'")),
                Arguments.of("a+b", List.of("contains '+', which is not allowed in a repository name")),
                Arguments.of("a:b:c", List.of("path component 'a:b' contains ':'")),
                Arguments.of("ex_ample.com/web", List.of("registry 'ex_ample.com'", "contains '_'")),
                Arguments.of("-example.com/web", List.of("'-example'", "must not start or end with '-'")),
                Arguments.of("example-.com/web", List.of("must not start or end with '-'")),
                Arguments.of("example..com/web", List.of("empty host name component")),
                Arguments.of(".example.com/web", List.of("empty host name component")),
                Arguments.of("[::1/web", List.of("without a closing ']'")),
                Arguments.of("[]/web", List.of("brackets are empty")),
                Arguments.of("[:::]/web", List.of("invalid IPv6 address '[:::]'", "'::' may appear only once")),
                Arguments.of("[1:2:3]/web", List.of("without '::' it needs 8")),
                Arguments.of("[1:2:3:4:5:6:7:8:9]/web", List.of("it has 9 groups")),
                Arguments.of("[1:2:3:4::5:6:7:8]/web", List.of("at most 7")),
                Arguments.of("[12345::1]/web", List.of("1 to 4 hex digits")),
                Arguments.of("[fe80::1%eth0]/web", List.of("contains '%'")),
                Arguments.of("[::ffff:1.2.3.4]/web", List.of("contains '.'")),
                Arguments.of("[::1]x/web", List.of("'x' after ']'")),
                Arguments.of("a".repeat(256), List.of("the name is 256 characters long; the limit is 255")),
                Arguments.of("ghcr.io/" + "a".repeat(248), List.of("the name is 256 characters long")),
                Arguments.of(HEX64, List.of("64-digit hex string", "image ID")));
    }

    @ParameterizedTest
    @MethodSource("invalidReferences")
    void refusesInvalidReferencesNamingTheProblem(String input, List<String> expectedFragments) {
        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOf(InvalidImageReferenceException.class)
                .satisfies(e -> assertThat(((InvalidImageReferenceException) e).input()).isEqualTo(input))
                .message()
                .startsWith("image reference " + InvalidImageReferenceException.quote(input))
                .contains(expectedFragments)
                .doesNotContain("\n", "\u0007");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> ImageReference.parse(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ImageReference.parseName(null)).isInstanceOf(NullPointerException.class);
    }

    // ---------------------------------------------------------------- names only

    @ParameterizedTest
    @ValueSource(strings = {"nginx", "ghcr.io/acme/web", "localhost:5000/web", "[::1]:5000/a/b"})
    void parseNameAcceptsNames(String name) {
        ImageReference ref = ImageReference.parseName(name);

        assertThat(ref.name()).isEqualTo(name);
        assertThat(ref.tag()).isEmpty();
        assertThat(ref.digest()).isEmpty();
        assertThat(ref).hasToString(name);
    }

    static Stream<Arguments> invalidNames() {
        return Stream.of(
                Arguments.of("nginx:1.25", List.of("image name 'nginx:1.25' has a tag (':1.25')", "only a name")),
                Arguments.of("nginx@" + SHA256, List.of("has a digest ('@sha256:", "only a name")),
                Arguments.of("localhost:5000", List.of("has a tag (':5000')", "is a registry", "'localhost:5000/web'")),
                Arguments.of("ghcr.io/acme/web:", List.of("has a tag (':')")),
                Arguments.of("", List.of("image name ''", "is empty")),
                Arguments.of("Nginx", List.of("repository name must be lowercase")),
                Arguments.of("a//b", List.of("empty path component")),
                Arguments.of("a b", List.of("whitespace")));
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void parseNameRefusesTagsDigestsAndInvalidNames(String input, List<String> expectedFragments) {
        assertThatThrownBy(() -> ImageReference.parseName(input))
                .isInstanceOf(InvalidImageReferenceException.class)
                .message()
                .startsWith("image name " + InvalidImageReferenceException.quote(input))
                .contains(expectedFragments);
    }

    @Test
    void ofBuildsFromParts() {
        Digest digest = Digest.parse(SHA256);

        assertThat(ImageReference.of("ghcr.io/acme/web", "1.0", digest)).hasToString("ghcr.io/acme/web:1.0@" + SHA256);
        assertThat(ImageReference.of("ghcr.io/acme/web", null, digest)).hasToString("ghcr.io/acme/web@" + SHA256);
        assertThat(ImageReference.of("ghcr.io/acme/web", "1.0", null)).hasToString("ghcr.io/acme/web:1.0");
        assertThat(ImageReference.of("nginx", null, null)).isEqualTo(ImageReference.parse("nginx"));
    }

    @Test
    void ofValidatesNameAndTag() {
        assertThatThrownBy(() -> ImageReference.of("nginx:1", "2", null))
                .isInstanceOf(InvalidImageReferenceException.class)
                .hasMessageContaining("has a tag");
        assertThatThrownBy(() -> ImageReference.of("nginx", "bad tag;rm", null))
                .isInstanceOf(InvalidImageReferenceException.class)
                .hasMessageStartingWith("tag 'bad tag;rm' is not a valid image tag");
    }

    // ---------------------------------------------------------------- normalization

    @ParameterizedTest
    @ValueSource(strings = {
        "nginx",
        "library/nginx",
        "docker.io/nginx",
        "docker.io/library/nginx",
        "index.docker.io/nginx",
        "index.docker.io/library/nginx",
        "nginx:1.25",
        "nginx@" + SHA256,
        "docker.io/library/nginx:1.25@" + SHA256,
    })
    void familiarDockerHubNamesNormalizeEqual(String input) {
        ImageReference ref = ImageReference.parse(input);

        assertThat(ref.normalizedName()).isEqualTo("docker.io/library/nginx");
        assertThat(ref.sameRepositoryAs(ImageReference.parse("nginx"))).isTrue();
        assertThat(ImageReference.parse("index.docker.io/library/nginx:2").sameRepositoryAs(ref)).isTrue();
    }

    static Stream<Arguments> normalizedNames() {
        return Stream.of(
                Arguments.of("acme/web", "docker.io/acme/web"),
                Arguments.of("docker.io/acme/web:1", "docker.io/acme/web"),
                Arguments.of("index.docker.io/acme/team/web", "docker.io/acme/team/web"),
                Arguments.of("ghcr.io/acme/web:1", "ghcr.io/acme/web"),
                Arguments.of("ghcr.io/web", "ghcr.io/web"),
                Arguments.of("localhost:5000/web", "localhost:5000/web"),
                Arguments.of("localhost/web", "localhost/web"),
                Arguments.of("[::1]:5000/web", "[::1]:5000/web"),
                Arguments.of("GHCR.io/acme/web", "ghcr.io/acme/web"),
                Arguments.of("Index.Docker.IO/nginx", "docker.io/library/nginx"));
    }

    @ParameterizedTest
    @MethodSource("normalizedNames")
    void normalizesNames(String input, String normalized) {
        assertThat(ImageReference.parse(input).normalizedName()).isEqualTo(normalized);
    }

    static Stream<Arguments> differentRepositories() {
        return Stream.of(
                Arguments.of("nginx", "ghcr.io/nginx"),
                Arguments.of("nginx", "acme/nginx"),
                Arguments.of("nginx", "quay.io/library/nginx"),
                Arguments.of("nginx", "library/nginx/x"),
                Arguments.of("ghcr.io/acme/web", "ghcr.io/acme/web2"),
                Arguments.of("ghcr.io/acme/web", "ghcr.io/acme/team/web"),
                Arguments.of("localhost:5000/web", "localhost/web"),
                Arguments.of("localhost:5000/web", "localhost:5001/web"),
                Arguments.of("registry.example.com:443/web", "registry.example.com/web"),
                Arguments.of("docker.io:443/nginx", "nginx"));
    }

    @ParameterizedTest
    @MethodSource("differentRepositories")
    void differentRepositoriesAreNotTheSame(String a, String b) {
        ImageReference first = ImageReference.parse(a);
        ImageReference second = ImageReference.parse(b);

        assertThat(first.sameRepositoryAs(second)).isFalse();
        assertThat(second.sameRepositoryAs(first)).isFalse();
        assertThat(first.normalizedName()).isNotEqualTo(second.normalizedName());
    }

    // ---------------------------------------------------------------- equality and withers

    @Test
    void equalityIsOnTheRenderedForm() {
        assertThat(ImageReference.parse("nginx:1")).isEqualTo(ImageReference.parse("nginx:1"))
                .hasSameHashCodeAs(ImageReference.parse("nginx:1"))
                .isEqualTo(ImageReference.parse("nginx").withTag("1"));
        assertThat(ImageReference.parse("nginx")).isNotEqualTo(ImageReference.parse("docker.io/library/nginx"))
                .isNotEqualTo(ImageReference.parse("nginx:latest"))
                .isNotEqualTo("nginx");
    }

    @Test
    void withTagReplacesTheTagAndKeepsTheDigest() {
        ImageReference ref = ImageReference.parse("ghcr.io/acme/web:1.0@" + SHA256);

        ImageReference changed = ref.withTag("1.1");

        assertThat(changed).hasToString("ghcr.io/acme/web:1.1@" + SHA256);
        assertThat(changed.tag()).contains("1.1");
        assertThat(changed.digest()).isEqualTo(ref.digest());
        assertThat(ref).hasToString("ghcr.io/acme/web:1.0@" + SHA256);
        assertThat(ImageReference.parse("localhost:5000/web").withTag("dev")).hasToString("localhost:5000/web:dev");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bad tag;rm", "-x", ".x", "a/b", "a:b", "1.0\nINFO forged"})
    void withTagRefusesInvalidTags(String tag) {
        ImageReference ref = ImageReference.parse("nginx:1.0");

        assertThatThrownBy(() -> ref.withTag(tag))
                .isInstanceOf(InvalidImageReferenceException.class)
                .message()
                .startsWith("tag " + InvalidImageReferenceException.quote(tag) + " is not a valid image tag")
                .doesNotContain("\n");
        assertThatThrownBy(() -> ref.withTag(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void withDigestAndWithoutRemoveOrReplaceParts() {
        ImageReference ref = ImageReference.parse("nginx:1.25");
        Digest digest = Digest.parse(SHA256);

        ImageReference pinned = ref.withDigest(digest);

        assertThat(pinned).hasToString("nginx:1.25@" + SHA256);
        assertThat(pinned.withoutTag()).hasToString("nginx@" + SHA256);
        assertThat(pinned.withoutDigest()).isEqualTo(ref);
        assertThat(pinned.withoutTag().withoutDigest()).hasToString("nginx");
        assertThat(pinned.withDigest(Digest.parse(SHA512))).hasToString("nginx:1.25@" + SHA512);
        assertThat(ref.withoutDigest()).isSameAs(ref);
        assertThatThrownBy(() -> ref.withDigest(null)).isInstanceOf(NullPointerException.class);
    }

    // ---------------------------------------------------------------- properties

    /** A reference generated from the grammar, with its parts, so the parse can be checked part by part. */
    static final class Generated {
        final String registry;
        final String repository;
        final String tag;
        final String digest;

        Generated(String registry, String repository, String tag, String digest) {
            this.registry = registry;
            this.repository = repository;
            this.tag = tag;
            this.digest = digest;
        }

        String render() {
            return (registry == null ? "" : registry + "/") + repository
                    + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
        }

        @Override
        public String toString() {
            return render();
        }
    }

    private static final long SEED = 20261127L;
    private static final int CASES = 1000;

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";
    private static final String HEX_LOWER = "0123456789abcdef";
    private static final List<String> SEPARATORS = List.of(".", "_", "__", "-", "--", "-----");
    private static final List<String> INSERTIONS =
            List.of(":", "/", "@", "", "\n", "A", "[", "]", "//", "::", "sha256:", "é");
    private static final char[] EDGE_CHARS = {
        '\u0000', '\u001f', '\u007f', '\u0085', '\u00a0', '\u200b', '\u2028', '\ufeff', '\ud800', '\udfff', '\uffff'
    };

    @Test
    void generatedValidReferencesParseAndRoundTrip() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            Generated generated = grammarReference(random);
            String text = generated.render();
            checkCase(i, text, () -> {
                ImageReference ref = ImageReference.parse(text);

                assertThat(ref).hasToString(text);
                assertThat(ref.registry()).isEqualTo(Optional.ofNullable(generated.registry));
                assertThat(ref.repository()).isEqualTo(generated.repository);
                assertThat(ref.tag()).isEqualTo(Optional.ofNullable(generated.tag));
                assertThat(ref.digest().map(Digest::toString)).isEqualTo(Optional.ofNullable(generated.digest));
                assertThat(ImageReference.parse(ref.toString())).isEqualTo(ref);
            });
        }
    }

    @Test
    void parsingArbitraryTextThrowsNothingButInvalidImageReferenceException() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            String text = referenceLikeText(random);
            checkCase(i, text, () -> {
                try {
                    assertThat(ImageReference.parse(text)).hasToString(text);
                } catch (InvalidImageReferenceException e) {
                    assertThat(e.getMessage()).startsWith("image reference '");
                    assertThat(e.getMessage().chars().noneMatch(Character::isISOControl)).isTrue();
                }
                try {
                    assertThat(ImageReference.parseName(text)).hasToString(text);
                } catch (InvalidImageReferenceException e) {
                    assertThat(e.getMessage()).startsWith("image name '");
                }
            });
        }
    }

    /** Runs one generated case; any failure or unexpected exception is reported with its index and input. */
    private static void checkCase(int index, String input, Runnable check) {
        try {
            check.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("case " + index + " of " + CASES + " (Random seed " + SEED + ") failed for input "
                    + javaLiteral(input) + ": " + e, e);
        }
    }

    /** The input as a Java string literal, with every non-printable-ASCII char escaped, so it can be pasted back. */
    private static String javaLiteral(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }

    // ---------------------------------------------------------------- generators

    private static Generated grammarReference(Random random) {
        while (true) {
            Generated generated = new Generated(
                    random.nextDouble() < 0.4 ? null : registry(random),
                    remoteName(random),
                    random.nextDouble() < 0.4 ? null : tag(random),
                    random.nextDouble() < 0.5 ? null : digest(random));
            // Without a registry, a first component with '.' would itself be read as one (docker's rule).
            if (generated.registry != null || !generated.repository.split("/")[0].contains(".")) {
                return generated;
            }
        }
    }

    private static String referenceLikeText(Random random) {
        switch (random.nextInt(3)) {
            case 0:
                return randomString(random, "abzAZ059:/@._-[]%+ ", 0, 60);
            case 1:
                return anyCharacters(random, 40);
            default:
                String text = grammarReference(random).render();
                int at = Math.min(between(random, 0, 400), text.length());
                return text.substring(0, at) + pick(random, INSERTIONS) + text.substring(at);
        }
    }

    /** 0 to maxLength chars from the whole Basic Multilingual Plane (lone surrogates included), biased to edges. */
    private static String anyCharacters(Random random, int maxLength) {
        int length = between(random, 0, maxLength);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0:
                    out.append((char) random.nextInt(0x80));
                    break;
                case 1:
                    out.append(EDGE_CHARS[random.nextInt(EDGE_CHARS.length)]);
                    break;
                default:
                    out.append((char) random.nextInt(0x10000));
                    break;
            }
        }
        return out.toString();
    }

    private static String registry(Random random) {
        String host = host(random);
        return random.nextBoolean() ? host : host + ":" + between(random, 1, 65535);
    }

    private static String host(Random random) {
        switch (random.nextInt(5)) {
            case 0:
                return domainName(random);
            case 1:
                return ipv4(random);
            case 2:
                return "[" + String.join(":", hexGroups(random, 8, 8)) + "]";
            case 3:
                return "[" + String.join(":", hexGroups(random, 0, 3)) + "::"
                        + String.join(":", hexGroups(random, 0, 3)) + "]";
            default:
                return "localhost";
        }
    }

    /** Two or more components, so the first '/'-component contains '.' and counts as a registry. */
    private static String domainName(Random random) {
        int count = between(random, 2, 4);
        StringJoiner name = new StringJoiner(".");
        for (int i = 0; i < count; i++) {
            name.add(domainComponent(random));
        }
        return name.toString();
    }

    private static String domainComponent(Random random) {
        while (true) {
            String component = randomString(random, LOWER + UPPER + DIGITS + "-", 1, 8);
            if (!component.startsWith("-") && !component.endsWith("-")) {
                return component;
            }
        }
    }

    private static String ipv4(Random random) {
        StringJoiner address = new StringJoiner(".");
        for (int i = 0; i < 4; i++) {
            address.add(String.valueOf(between(random, 0, 255)));
        }
        return address.toString();
    }

    private static List<String> hexGroups(Random random, int minCount, int maxCount) {
        int count = between(random, minCount, maxCount);
        List<String> groups = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            groups.add(randomString(random, "0123456789abcdefABCDEF", 1, 4));
        }
        return groups;
    }

    private static String remoteName(Random random) {
        int count = between(random, 1, 4);
        StringJoiner name = new StringJoiner("/");
        for (int i = 0; i < count; i++) {
            name.add(pathComponent(random));
        }
        return name.toString();
    }

    private static String pathComponent(Random random) {
        StringBuilder component = new StringBuilder(alphaNumeric(random));
        int more = between(random, 0, 2);
        for (int i = 0; i < more; i++) {
            component.append(pick(random, SEPARATORS)).append(alphaNumeric(random));
        }
        return component.toString();
    }

    private static String alphaNumeric(Random random) {
        return randomString(random, LOWER + DIGITS, 1, 6);
    }

    private static String tag(Random random) {
        String word = LOWER + UPPER + DIGITS + "_";
        return randomString(random, word, 1, 1) + randomString(random, word + ".-", 0, 127);
    }

    private static String digest(Random random) {
        return random.nextBoolean()
                ? "sha256:" + randomString(random, HEX_LOWER, 64, 64)
                : "sha512:" + randomString(random, HEX_LOWER, 128, 128);
    }

    private static String randomString(Random random, String chars, int minLength, int maxLength) {
        int length = between(random, minLength, maxLength);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(chars.charAt(random.nextInt(chars.length())));
        }
        return out.toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Uniform in [min, max], both inclusive. */
    private static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }
}
