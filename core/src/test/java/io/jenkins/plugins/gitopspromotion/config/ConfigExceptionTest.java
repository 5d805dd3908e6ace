package io.jenkins.plugins.gitopspromotion.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigExceptionTest {

    @Test
    void formatsAllParts() {
        ConfigException e = new ConfigException(".gitops/promotion.yaml", 7, "environments[1].requires", "bad");
        assertThat(e).hasMessage(".gitops/promotion.yaml:7: environments[1].requires: bad");
        assertThat(e.file()).isEqualTo(".gitops/promotion.yaml");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.key()).isEqualTo("environments[1].requires");
        assertThat(e.problem()).isEqualTo("bad");
    }

    @Test
    void omitsUnknownParts() {
        assertThat(new ConfigException("f.yaml", 0, "apps", "bad")).hasMessage("f.yaml: apps: bad");
        assertThat(new ConfigException("f.yaml", 3, null, "bad")).hasMessage("f.yaml:3: bad");
        assertThat(new ConfigException(null, 0, "apps", "bad")).hasMessage("apps: bad");
        assertThat(new ConfigException(null, 0, null, "bad")).hasMessage("bad");
    }

    @Test
    void keepsTheCause() {
        IllegalStateException cause = new IllegalStateException("x");
        assertThat(new ConfigException("f", 1, null, "bad", cause)).hasCause(cause);
    }
}
