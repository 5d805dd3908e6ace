package io.jenkins.plugins.gitopspromotion.pr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProviderDetectionTest {

    private static final ApiToken TOKEN = ApiToken.of("t".toCharArray());

    private static Optional<ProviderSettings> detect(String url, String provider) {
        return ProviderDetection.detect(RepositoryLocation.parse(url), provider, Optional.empty(), Optional.empty(), TOKEN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://github.com/acme/config.git, github, https://api.github.com, acme/config",
        "git@github.com:acme/config.git, github, https://api.github.com, acme/config",
        "https://github.example.com/acme/config, github, https://github.example.com/api/v3, acme/config",
        "https://gitlab.com/acme/platform/config.git, gitlab, https://gitlab.com/api/v4, acme/platform/config",
        "ssh://git@gitlab.example.com:2222/acme/config.git, gitlab, https://gitlab.example.com/api/v4, acme/config",
        "https://bitbucket.org/acme/config.git, bitbucket, https://api.bitbucket.org/2.0, acme/config",
        "git@bitbucket.org:acme/config.git, bitbucket, https://api.bitbucket.org/2.0, acme/config",
        "ssh://git@altssh.bitbucket.org:443/acme/config.git, bitbucket, https://api.bitbucket.org/2.0, acme/config",
        "https://git.example.com/scm/OPS/config.git, bitbucket-server, https://git.example.com/rest/api/latest, OPS/config",
        "ssh://git@bitbucket.example.com:7999/ops/config.git, bitbucket-server, https://bitbucket.example.com/rest/api/latest, ops/config",
        "https://codeberg.org/acme/config.git, gitea, https://codeberg.org/api/v1, acme/config",
        "https://gitea.example.com/acme/config.git, gitea, https://gitea.example.com/api/v1, acme/config",
        "https://dev.azure.com/acme/platform/_git/config, azure-devops, https://dev.azure.com, acme/platform/config",
        "git@ssh.dev.azure.com:v3/acme/platform/config, azure-devops, https://dev.azure.com, acme/platform/config",
        "https://acme.visualstudio.com/platform/_git/config, azure-devops, https://dev.azure.com, acme/platform/config",
        // GitHub Enterprise Cloud with data residency: REST and GraphQL on api.SUBDOMAIN.ghe.com.
        "https://octocorp.ghe.com/acme/config.git, github, https://api.octocorp.ghe.com, acme/config",
        "git@octocorp.ghe.com:acme/config.git, github, https://api.octocorp.ghe.com, acme/config",
        // Bitbucket Data Center under a context path, and its web links.
        "https://git.example.com/bitbucket/scm/OPS/config.git, bitbucket-server, https://git.example.com/bitbucket/rest/api/latest, OPS/config",
        "https://git.example.com/projects/OPS/repos/config/browse, bitbucket-server, https://git.example.com/rest/api/latest, OPS/config",
        "https://git.example.com/bitbucket/projects/OPS/repos/config/browse/apps, bitbucket-server, https://git.example.com/bitbucket/rest/api/latest, OPS/config",
        // Azure DevOps: the old collection URL, the old SSH host, a project's default repository.
        "https://acme.visualstudio.com/DefaultCollection/platform/_git/config, azure-devops, https://dev.azure.com, acme/platform/config",
        "acme@vs-ssh.visualstudio.com:v3/acme/platform/config, azure-devops, https://dev.azure.com, acme/platform/config",
        "https://dev.azure.com/acme/_git/platform, azure-devops, https://dev.azure.com, acme/platform/platform",
        "https://acme.visualstudio.com/_git/platform, azure-devops, https://dev.azure.com, acme/platform/platform",
        // Percent-escapes are decoded once, in scp-like locations as in URLs.
        "https://dev.azure.com/acme/My%20Project/_git/config, azure-devops, https://dev.azure.com, acme/My Project/config",
        "git@ssh.dev.azure.com:v3/acme/My%20Project/config, azure-devops, https://dev.azure.com, acme/My Project/config",
    })
    void detectsTheProviderItsApiAndTheProjectFromTheCloneUrl(String url, String kind, String api, String project) {
        ProviderSettings settings = detect(url, "auto").orElseThrow();
        assertThat(settings.kind().optionName()).isEqualTo(kind);
        assertThat(settings.apiUrl()).isEqualTo(URI.create(api));
        assertThat(settings.project()).isEqualTo(project);
    }

    @Test
    void noneOrAnUnknownHostOpensNoPullRequests() {
        assertThat(detect("https://github.com/acme/config.git", "none")).isEmpty();
        assertThat(detect("https://git.internal.example/acme/config.git", "auto")).isEmpty();
        assertThat(detect("/srv/git/config.git", "auto")).isEmpty();
    }

    @Test
    void optionsOverrideWhatTheUrlSays() {
        ProviderSettings settings = ProviderDetection.detect(RepositoryLocation.parse("https://git.internal.example/x/y.git"),
                "gitea", Optional.of(URI.create("https://git.internal.example/gitea/api/v1")), Optional.of("ops/config"), TOKEN)
                .orElseThrow();
        assertThat(settings).isEqualTo(new ProviderSettings(ProviderKind.GITEA, URI.create("https://git.internal.example/gitea/api/v1"),
                "ops/config", TOKEN));
        assertThat(settings.toString()).isEqualTo("gitea ops/config at https://git.internal.example/gitea/api/v1");
        ProviderSettings secret = new ProviderSettings(ProviderKind.GITEA, URI.create("https://x"), "a/b",
                ApiToken.of("s3cr3t-value".toCharArray()));
        assertThat(secret.toString() + secret.token()).doesNotContain("s3cr3t-value");
    }

    @Test
    void saysWhatIsMissing() {
        assertThatThrownBy(() -> detect("https://github.com/acme/config.git", "gitbucket"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown provider 'gitbucket'")
                .hasMessageContaining("github, gitlab");
        assertThatThrownBy(() -> detect("/srv/git/config.git", "gitlab"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give --api-url");
        assertThatThrownBy(() -> detect("https://dev.azure.com/acme/config", "auto"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give --project");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://github.com/acme/web.git, https://github.com/acme/web/commit/0a1b2c3d",
        "git@github.com:acme/web.git, https://github.com/acme/web/commit/0a1b2c3d",
        "https://gitlab.com/acme/platform/web.git, https://gitlab.com/acme/platform/web/-/commit/0a1b2c3d",
        "https://gitlab.example.com:8443/acme/web.git, https://gitlab.example.com:8443/acme/web/-/commit/0a1b2c3d",
        "ssh://git@gitlab.example.com:2222/acme/web.git, https://gitlab.example.com/acme/web/-/commit/0a1b2c3d",
        "git@bitbucket.org:acme/web.git, https://bitbucket.org/acme/web/commits/0a1b2c3d",
        "https://git.example.com/bitbucket/scm/ACME/web.git, https://git.example.com/bitbucket/projects/ACME/repos/web/commits/0a1b2c3d",
        "https://codeberg.org/acme/web.git, https://codeberg.org/acme/web/commit/0a1b2c3d",
        "https://dev.azure.com/acme/Platform/_git/web, https://dev.azure.com/acme/Platform/_git/web/commit/0a1b2c3d",
        "git@ssh.dev.azure.com:v3/acme/Platform/web, https://dev.azure.com/acme/Platform/_git/web/commit/0a1b2c3d",
    })
    void linksACommitAsTheProviderShowsIt(String url, String link) {
        assertThat(ProviderDetection.commitLink(RepositoryLocation.parse(url), "0a1b2c3d")).contains(link);
    }

    @Test
    void guessesNoPageOfAnUnknownHostOrAnInvalidCommit() {
        assertThat(ProviderDetection.commitLink(RepositoryLocation.parse("https://git.example.com/acme/web.git"), "0a1b2c3d")).isEmpty();
        assertThat(ProviderDetection.commitLink(RepositoryLocation.parse("https://github.com/acme/web.git"), "main")).isEmpty();
        assertThat(ProviderDetection.commitLink(RepositoryLocation.parse("https://github.com/acme/web.git"), "0a1b\n")).isEmpty();
    }
}
