package io.jenkins.plugins.gitopspromotion.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromotionModeTest {

    @Test
    void mapsConfigNames() {
        assertThat(PromotionMode.fromConfigName("commit")).contains(PromotionMode.COMMIT);
        assertThat(PromotionMode.fromConfigName("pull-request")).contains(PromotionMode.PULL_REQUEST);
        assertThat(PromotionMode.fromConfigName("branch")).contains(PromotionMode.BRANCH);
        assertThat(PromotionMode.fromConfigName("PULL_REQUEST")).isEmpty();
        assertThat(PromotionMode.configNames()).isEqualTo("commit, pull-request, branch");
        assertThat(PromotionMode.BRANCH.configName()).isEqualTo("branch");
    }
}
