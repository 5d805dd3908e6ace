package io.jenkins.plugins.gitopspromotion.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryLocationTest {

    @Test
    void acceptsEveryKindOfLocation() {
        assertThat(RepositoryLocation.parse("https://git.example.com/acme/config.git").isLocal()).isFalse();
        assertThat(RepositoryLocation.parse("ssh://git@git.example.com:2222/acme/config.git").isSsh()).isTrue();
        assertThat(RepositoryLocation.parse("git@github.com:acme/config.git").isSsh()).isTrue();
        assertThat(RepositoryLocation.parse("git://127.0.0.1:9418/config.git").isSsh()).isFalse();
        assertThat(RepositoryLocation.parse("file:///srv/git/config.git").isLocal()).isTrue();
        RepositoryLocation path = RepositoryLocation.parse("relative/config.git");
        assertThat(path.isLocal()).isTrue();
        assertThat(path.toString()).isEqualTo(Path.of("relative/config.git").toAbsolutePath().toString());
    }

    @Test
    void refusesAPasswordInTheUrlWithoutRepeatingIt() {
        assertThatThrownBy(() -> RepositoryLocation.parse("https://bot:hunter2-Secret@git.example.com/acme/config.git"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains a password")
                .hasMessageContaining("--token-env")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2-Secret"));
        assertThatThrownBy(() -> RepositoryLocation.parse("ftp://example.com/x.git"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported repository URL scheme 'ftp'");
        assertThatThrownBy(() -> RepositoryLocation.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghp_0123456789abcdefABCDEF0123456789abcd", "glpat-Zx8kP2qR7tW4yB1nM6vC",
        "Zx8kP2qR7tW4yB1nM6vC3dF5", "0123456789abcdef0123456789abcdef01234567", "xoxb-1234-5678-abcdefghijkl"})
    void refusesATokenWrittenAsTheUserPartOverHttpsWithoutRepeatingIt(String token) {
        for (String scheme : List.of("https", "http")) {
            assertThatThrownBy(() -> RepositoryLocation.parse(scheme + "://" + token + "@git.example.com/acme/config.git"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the repository URL " + scheme + "://git.example.com/acme/config.git has a user part that"
                            + " is not a plain user name (a token there would end up in messages, status output and the"
                            + " mirror's files); give the user with --username and the token with --token-env or --token-file");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"git", "bot", "oauth2", "x-token-auth", "acme-ci.bot", "jenkins_2", "Acme"})
    void acceptsAPlainUserName(String user) {
        assertThat(RepositoryLocation.parse("https://" + user + "@git.example.com/acme/config.git").uri().getUser())
                .isEqualTo(user);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://bot:pa/ss-Word9@git.example.com/x.git", "https://bot:pa ss@git.example.com/x.git",
        "https://ghp_0123456789abcdefABCDEF0123456789abcd:x-oauth@host:notaport/x.git"})
    void neverRepeatsWhatFailedToParseOrHeldAPassword(String location) {
        assertThatThrownBy(() -> RepositoryLocation.parse(location)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pa/ss").doesNotContain("ss-Word9")
                        .doesNotContain("pa ss").doesNotContain("ghp_").doesNotContain("x-oauth"));
    }

    @Test
    void spellingsOfOneRepositoryShareAMirrorAndOthersDoNot() {
        String key = RepositoryLocation.parse("https://git.example.com/acme/config.git").cacheKey();
        assertThat(RepositoryLocation.parse("https://GIT.example.com/acme/config").cacheKey()).isEqualTo(key);
        assertThat(RepositoryLocation.parse("https://bot@git.example.com/acme/config.git/").cacheKey()).isEqualTo(key);
        assertThat(RepositoryLocation.parse("https://git.example.com/Acme/Config.git").cacheKey()).isNotEqualTo(key);
        assertThat(RepositoryLocation.parse("https://git.example.com/acme/other.git").cacheKey()).isNotEqualTo(key);
        assertThat(key).matches("config-[0-9a-f]{16}");
    }

    @Test
    void recognisesItsOwnUrlAsAnotherToolWritesIt() {
        RepositoryLocation location = RepositoryLocation.parse("https://git.example.com/acme/config.git");
        assertThat(location.names("git@git.example.com:acme/config.git")).isTrue();
        assertThat(location.names("ssh://git@git.example.com:2222/acme/config")).isTrue();
        assertThat(location.names("https://ci@GIT.example.com/Acme/Config/")).isTrue();
        assertThat(location.names("https://git.example.com/acme/config-values.git")).isFalse();
        assertThat(location.names("https://git.example.com/other/config.git")).isFalse();
        assertThat(location.names("https://charts.example.com")).isFalse();
        assertThat(location.names("not a url at all ::")).isFalse();
    }
}
