package io.jenkins.plugins.gitopspromotion.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** WWW-Authenticate challenges as registries send them. */
class AuthChallengeTest {

    @Test
    void parsesBearerWithQuotedCommasAndBasic() {
        assertThat(AuthChallenge.parse("Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\","
                + "scope=\"repository:acme/web:pull,push\"")).hasValue(new AuthChallenge("bearer", Map.of(
                        "realm", "https://auth.example.com/token", "service", "registry.example.com", "scope", "repository:acme/web:pull,push")));
        assertThat(AuthChallenge.parse("Basic realm=\"test-registry\"")).hasValue(new AuthChallenge("basic", Map.of("realm", "test-registry")));
        assertThat(AuthChallenge.parse("basic")).hasValue(new AuthChallenge("basic", Map.of()));
        assertThat(AuthChallenge.parse("Bearer Realm=plain, Service=\"a \\\"q\\\"\"")).hasValue(new AuthChallenge("bearer",
                Map.of("realm", "plain", "service", "a \"q\"")));
        assertThat(AuthChallenge.parse("  ")).isEmpty();
    }
}
