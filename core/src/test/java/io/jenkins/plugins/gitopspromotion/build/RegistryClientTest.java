package io.jenkins.plugins.gitopspromotion.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.testing.Programs;
import io.jenkins.plugins.gitopspromotion.testing.TestRegistry;
import io.jenkins.plugins.gitopspromotion.testing.TokenServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolving a tag to its digest against the real registry: anonymous, Basic over TLS, and Bearer tokens. */
class RegistryClientTest {

    private static final String USER = "reader";
    private static final String PASSWORD = "Reader-Pa55-word";

    private static BuildResult push(TestRegistry registry, Path dir, String repository, RegistryAuth auth) throws Exception {
        BuildRequest request = BuildRequest.of(ImageFixtures.context(dir.resolve(repository), repository),
                ImageReference.parseName(registry.host() + "/" + repository), List.of("1.0"))
                .withPush(true).withInsecureRegistry(true).withAuth(auth);
        return BuilderKind.BUILDAH.builder(new LocalProcessRunner(), LocalScratchSpace.temporary(), ImageFixtures.storage(dir)).build(request, l -> { });
    }

    @Test
    void resolvesATagAnonymouslyOverPlainHttp(@TempDir Path dir) throws Exception {
        ImageFixtures.requireRegistry(true);
        try (TestRegistry registry = TestRegistry.plain(dir.resolve("registry"))) {
            BuildResult pushed = push(registry, dir, "acme/plain", RegistryAuth.none());
            RegistryClient client = new RegistryClient(new RegistryTls(true, null));

            assertThat(client.resolveDigest(ImageReference.parse(registry.host() + "/acme/plain:1.0"), RegistryAuth.none()))
                    .hasToString(pushed.digest()).hasToString(registry.skopeoDigest("acme/plain", "1.0"));
            assertThatThrownBy(() -> client.resolveDigest(ImageReference.parse(registry.host() + "/acme/plain:9.9"), RegistryAuth.none()))
                    .isInstanceOfSatisfying(RegistryAccessException.class,
                            e -> assertThat(e.reason()).isEqualTo(RegistryAccessException.Reason.NOT_FOUND))
                    .hasMessage("the registry " + registry.host() + " has no tag 9.9 of acme/plain");
            assertThatThrownBy(() -> new RegistryClient(RegistryTls.secure())
                    .resolveDigest(ImageReference.parse(registry.host() + "/acme/plain:1.0"), RegistryAuth.none()))
                    .isInstanceOf(RegistryAccessException.class)
                    .hasMessageStartingWith("the registry " + registry.host() + " cannot be reached");
        }
    }

    @Test
    void answersABasicChallengeOverTlsTrustingTheGivenCertificate(@TempDir Path dir) throws Exception {
        ImageFixtures.requireRegistry(true);
        try (TestRegistry registry = TestRegistry.basicAuthOverTls(dir.resolve("registry"), USER, PASSWORD)) {
            RegistryAuth auth = RegistryAuth.password(registry.host(), new RegistryCredential(USER, PASSWORD.toCharArray()));
            BuildResult pushed = push(registry, dir, "acme/tls", auth);
            RegistryClient client = new RegistryClient(new RegistryTls(false, registry.caCertificate()));
            ImageReference image = ImageReference.parse(registry.host() + "/acme/tls:1.0");

            assertThat(client.resolveDigest(image, auth)).hasToString(pushed.digest());
            assertThatThrownBy(() -> client.resolveDigest(image, RegistryAuth.none()))
                    .isInstanceOfSatisfying(RegistryAccessException.class,
                            e -> assertThat(e.reason()).isEqualTo(RegistryAccessException.Reason.UNAUTHORIZED))
                    .hasMessage("the registry " + registry.host() + " refused an anonymous request (give registry credentials)");
            String wrong = "bad-" + PASSWORD;
            assertThatThrownBy(() -> client.resolveDigest(image,
                    RegistryAuth.password(registry.host(), new RegistryCredential(USER, wrong.toCharArray()))))
                    .hasMessage("the registry " + registry.host() + " refused the credentials given");
            assertThatThrownBy(() -> new RegistryClient(RegistryTls.secure()).resolveDigest(image, auth))
                    .as("a self-signed certificate is not trusted unless given")
                    .hasMessageStartingWith("the registry " + registry.host() + " cannot be reached");
        }
    }

    @Test
    void fetchesABearerTokenFromTheRealmTheRegistryNames(@TempDir Path dir) throws Exception {
        ImageFixtures.requireRegistry(true);
        try (TokenServer tokens = TokenServer.start(USER, PASSWORD);
                TestRegistry registry = TestRegistry.tokenAuth(dir.resolve("registry"), tokens, USER, PASSWORD)) {
            RegistryAuth auth = RegistryAuth.password(registry.host(), new RegistryCredential(USER, PASSWORD.toCharArray()));
            BuildResult pushed = push(registry, dir, "acme/token", auth);
            ImageReference image = ImageReference.parse(registry.host() + "/acme/token:1.0");
            RegistryClient client = new RegistryClient(new RegistryTls(true, null));

            assertThat(client.resolveDigest(image, auth)).hasToString(pushed.digest());
            assertThat(tokens.scopesRequested()).last().isEqualTo("repository:acme/token:pull");
            assertThatThrownBy(() -> client.resolveDigest(image, RegistryAuth.none()))
                    .isInstanceOfSatisfying(RegistryAccessException.class,
                            e -> assertThat(e.reason()).isEqualTo(RegistryAccessException.Reason.UNAUTHORIZED))
                    .hasMessage("the token service 127.0.0.1 of the registry " + registry.host()
                            + " refused an anonymous request (give registry credentials) (HTTP 401)");
            String inspected = Programs.runOk(Map.of(), List.of("skopeo", "inspect", "--tls-verify=false", "--format", "{{.Digest}}",
                    "--creds=" + USER + ":" + PASSWORD, "docker://" + image)).strip();
            assertThat(inspected).isEqualTo(pushed.digest());
        }
    }
}
