package io.jenkins.plugins.gitopspromotion.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TokenFormatsTest {

    static Stream<Arguments> tokens() {
        return Stream.of(
                Arguments.of("GitHub token", (Supplier<String>) FakeSecrets::githubToken),
                Arguments.of("GitHub fine-grained token", (Supplier<String>) FakeSecrets::githubFineGrained),
                Arguments.of("GitLab token", (Supplier<String>) FakeSecrets::gitlabToken),
                Arguments.of("GitLab token", (Supplier<String>) FakeSecrets::gitlabRoutableToken),
                Arguments.of("AWS access key id", (Supplier<String>) FakeSecrets::awsExampleKeyId),
                Arguments.of("AWS access key id", (Supplier<String>) FakeSecrets::awsTemporaryKeyId),
                Arguments.of("Google API key", (Supplier<String>) FakeSecrets::googleApiKey),
                Arguments.of("Slack token", (Supplier<String>) FakeSecrets::slackBotToken),
                Arguments.of("npm access token", (Supplier<String>) FakeSecrets::npmToken),
                Arguments.of("Azure DevOps personal access token", (Supplier<String>) FakeSecrets::azureDevOpsToken));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void findsEachDocumentedFormatWholeWhereverItStands(String format, Supplier<String> token) {
        String value = token.get();
        for (String text : List.of(value, "token: " + value + "\n", "url=https://x:" + value + "@host", "\"" + value + "\"")) {
            List<TokenFormats.Match> found = TokenFormats.find(text);
            assertThat(found).as(text).hasSize(1);
            assertThat(found.get(0).format().name()).isEqualTo(format);
            assertThat(found.get(0).value()).isEqualTo(value);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void aTokenCutShortOrRunningIntoAWordIsNotOne(String format, Supplier<String> token) {
        String value = token.get();
        assertThat(TokenFormats.find(value.substring(0, 12))).as("cut short").isEmpty();
        assertThat(TokenFormats.find("x" + value.substring(0, 12) + "y" + value.substring(12)).stream()
                .filter(m -> m.format().name().equals(format))).as("inside a word").isEmpty();
    }

    @Test
    void ordinaryConfigurationIsNoToken() {
        String text = """
                image: ghcr.io/acme/web:1.4.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                ghp_: not a token
                glpat-short: glpat-abc
                AKIA: AKIAshort
                npm_config_registry: https://registry.npmjs.org/
                """;
        assertThat(TokenFormats.find(text)).isEmpty();
    }
}
