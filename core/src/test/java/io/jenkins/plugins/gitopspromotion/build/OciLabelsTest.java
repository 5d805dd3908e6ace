package io.jenkins.plugins.gitopspromotion.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The standard OCI labels: from options, else the CI environment, never over the user's own. */
class OciLabelsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30.123Z");

    @Test
    void takesSourceAndRevisionFromTheEnvironmentWithoutCredentials() {
        assertThat(OciLabels.complete(Map.of(), null, null,
                Map.of("GIT_URL", "https://jenkins:ghp_secret@github.example.com/acme/web.git", "GIT_COMMIT", "abc123"), NOW))
                .containsExactly(Map.entry(OciLabels.SOURCE, "https://github.example.com/acme/web.git"),
                        Map.entry(OciLabels.REVISION, "abc123"), Map.entry(OciLabels.CREATED, "2026-11-27T10:15:30Z"));
    }

    @Test
    void optionsWinOverTheEnvironmentAndTheUsersLabelsOverBoth() {
        assertThat(OciLabels.complete(Map.of(OciLabels.REVISION, "mine"), "git@git.example.com:acme/web.git", "opt",
                Map.of("GIT_COMMIT", "env", "SOURCE_DATE_EPOCH", "1700000000"), NOW))
                .containsExactly(Map.entry(OciLabels.REVISION, "mine"), Map.entry(OciLabels.SOURCE, "git@git.example.com:acme/web.git"),
                        Map.entry(OciLabels.CREATED, "2023-11-14T22:13:20Z"));
    }
}
