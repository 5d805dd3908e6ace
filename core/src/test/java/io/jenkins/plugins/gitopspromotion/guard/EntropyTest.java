package io.jenkins.plugins.gitopspromotion.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntropyTest {

    @Test
    void shannonEntropyInBitsPerCharacter() {
        assertThat(Entropy.bitsPerCharacter("aaaa")).isZero();
        assertThat(Entropy.bitsPerCharacter("abab")).isEqualTo(1.0);
        assertThat(Entropy.bitsPerCharacter("0123456789abcdef")).isEqualTo(4.0);
    }

    @Test
    void generatedCredentialsAreHigh() {
        assertThat(Entropy.isHigh(FakeSecrets.generatedSecret(21))).isTrue();
        assertThat(Entropy.isHigh(FakeSecrets.random(FakeSecrets.BASE62, 20, 22))).isTrue();
        assertThat(Entropy.isHigh(FakeSecrets.random("0123456789abcdef", 32, 23))).as("hex").isTrue();
        assertThat(Entropy.isHigh(FakeSecrets.humanPassword())).as("a person's strong password").isTrue();
    }

    @Test
    void wordsPlaceholdersPathsAndShortValuesAreNot() {
        assertThat(Entropy.isHigh("changeme")).isFalse();
        assertThat(Entropy.isHigh("please-change-me")).isFalse();
        assertThat(Entropy.isHigh("replace-with-real-password")).isFalse();
        assertThat(Entropy.isHigh("Set This In Vault Please")).isFalse();
        assertThat(Entropy.isHigh("/var/run/secrets/kubernetes.io/serviceaccount/token")).isFalse();
        assertThat(Entropy.isHigh("hunter2hunter2hunter2")).isFalse();
        assertThat(Entropy.isHigh(FakeSecrets.random(FakeSecrets.BASE62, Entropy.MIN_LENGTH - 1, 24))).as("too short").isFalse();
    }
}
