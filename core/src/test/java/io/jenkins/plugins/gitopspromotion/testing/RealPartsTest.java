package io.jenkins.plugins.gitopspromotion.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class RealPartsTest {

    @Test
    void aMissingPartSkipsUnlessThisProjectsSwitchRequiresIt() {
        assertThatThrownBy(() -> RealParts.require(false, "buildah", Map.of())).isInstanceOf(TestAbortedException.class);
        // Jenkins' own CI sets CI=true and has no registry: the tests skip there.
        assertThatThrownBy(() -> RealParts.require(false, "buildah", Map.of("CI", "true"))).isInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> RealParts.require(false, "buildah", Map.of(RealParts.SWITCH, "required")))
                .isInstanceOf(AssertionError.class).hasMessageStartingWith("buildah is not installed");
        assertThatCode(() -> RealParts.require(true, "buildah", Map.of(RealParts.SWITCH, "required"))).doesNotThrowAnyException();
    }
}
