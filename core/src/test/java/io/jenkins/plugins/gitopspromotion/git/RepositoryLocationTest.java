package io.jenkins.plugins.gitopspromotion.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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

    @Test
    void spellingsOfOneRepositoryShareAMirrorAndOthersDoNot() {
        String key = RepositoryLocation.parse("https://git.example.com/acme/config.git").cacheKey();
        assertThat(RepositoryLocation.parse("https://GIT.example.com/acme/config").cacheKey()).isEqualTo(key);
        assertThat(RepositoryLocation.parse("https://bot@git.example.com/acme/config.git/").cacheKey()).isEqualTo(key);
        assertThat(RepositoryLocation.parse("https://git.example.com/Acme/Config.git").cacheKey()).isNotEqualTo(key);
        assertThat(RepositoryLocation.parse("https://git.example.com/acme/other.git").cacheKey()).isNotEqualTo(key);
        assertThat(key).matches("config-[0-9a-f]{16}");
    }
}
