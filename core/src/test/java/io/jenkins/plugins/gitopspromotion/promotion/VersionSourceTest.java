package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionSourceTest {

    @Test
    void aTagADigestOrBoth() {
        assertThat(VersionSource.choose("1.5.0", null, null, null))
                .isEqualTo(new VersionSource.Given(Optional.of("1.5.0"), Optional.empty()));
        assertThat(VersionSource.choose("1.5.0", ConfigRepositoryFixture.DIGEST_A, null, null))
                .isEqualTo(new VersionSource.Given(Optional.of("1.5.0"), Optional.of(Digest.parse(ConfigRepositoryFixture.DIGEST_A))));
    }

    @Test
    void theVersionWrittenInAnImageReferenceCounts() {
        ImageReference image = ImageReference.parse("ghcr.io/acme/web:2.0.0@" + ConfigRepositoryFixture.DIGEST_B);
        assertThat(VersionSource.choose(null, null, image, null))
                .isEqualTo(new VersionSource.Given(Optional.of("2.0.0"), Optional.of(Digest.parse(ConfigRepositoryFixture.DIGEST_B))));
        // A tag given outright wins over the image's.
        assertThat(VersionSource.choose("2.0.1", null, image, null))
                .isEqualTo(new VersionSource.Given(Optional.of("2.0.1"), Optional.of(Digest.parse(ConfigRepositoryFixture.DIGEST_B))));
    }

    @Test
    void fromAnotherEnvironmentAlone() {
        assertThat(VersionSource.choose(null, null, ImageReference.parse("ghcr.io/acme/web"), "dev"))
                .isEqualTo(new VersionSource.FromEnvironment("dev"));
        assertThatThrownBy(() -> VersionSource.choose("1.0", null, null, "dev"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taken from the environment dev");
        assertThatThrownBy(() -> VersionSource.choose(null, null, ImageReference.parse("ghcr.io/acme/web:1"), "dev"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no tag or digest of its own");
    }

    @Test
    void nothingOrSomethingMalformedIsRefusedByName() {
        assertThatThrownBy(() -> VersionSource.choose(null, null, ImageReference.parse("ghcr.io/acme/web"), null))
                .hasMessage("give a tag, a digest or both, or an environment to take the version from");
        assertThatThrownBy(() -> VersionSource.choose("bad tag;rm", null, null, null)).hasMessageContaining("bad tag;rm");
        assertThatThrownBy(() -> VersionSource.choose(null, "sha256:abc", null, null)).hasMessageContaining("sha256 needs 64");
    }
}
