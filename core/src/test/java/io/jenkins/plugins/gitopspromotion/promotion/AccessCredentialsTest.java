package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessCredentialsTest {

    @Test
    void aRotatedSecretMakesOtherCredentials() {
        AccessCredentials token = AccessCredentials.password("ci", "t0ken-1".toCharArray());

        assertThat(AccessCredentials.password("ci", "t0ken-1".toCharArray())).isEqualTo(token).hasSameHashCodeAs(token);
        assertThat(AccessCredentials.password("ci", "t0ken-2".toCharArray())).isNotEqualTo(token);
        assertThat(AccessCredentials.password("bot", "t0ken-1".toCharArray())).isNotEqualTo(token);
        assertThat(AccessCredentials.sshKey("KEY", "pass".toCharArray()))
                .isEqualTo(AccessCredentials.sshKey("KEY", "pass".toCharArray()))
                .isNotEqualTo(AccessCredentials.sshKey("KEY", "other".toCharArray()))
                .isNotEqualTo(AccessCredentials.sshKey("KEY", null));
        assertThat(AccessCredentials.none()).isEqualTo(AccessCredentials.none()).isNotEqualTo(token);
        assertThat(token.toString()).doesNotContain("t0ken");
    }
}
