package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromotionRecordTest {

    private static PromotionRecord withPullRequest(String url) {
        Map<String, Object> result = SampleObjects.result("promoted", "prod", null);
        result.put("pullRequestUrl", url);
        return PromotionRecord.of("https://git.example.com/acme/config.git", result);
    }

    @Test
    void onlyAWebLinkIsKeptForThePagesToLinkTo() {
        assertThat(withPullRequest("https://git.example.com/acme/config/pull/17").getPullRequestUrl())
                .isEqualTo("https://git.example.com/acme/config/pull/17");
        assertThat(withPullRequest("HTTP://git.example.com:8080/pr/1").getPullRequestUrl()).isEqualTo("HTTP://git.example.com:8080/pr/1");
        assertThat(withPullRequest("javascript:alert(document.cookie)").getPullRequestUrl()).isNull();
        assertThat(withPullRequest("JavaScript://%0aalert(1)").getPullRequestUrl()).isNull();
        assertThat(withPullRequest("data:text/html,<script>alert(1)</script>").getPullRequestUrl()).isNull();
        assertThat(withPullRequest("//evil.example.com/x").getPullRequestUrl()).isNull();
        assertThat(withPullRequest("https:///no-host").getPullRequestUrl()).isNull();
        assertThat(withPullRequest(null).getPullRequestUrl()).isNull();
    }

    @Test
    void aMovedImageShowsItsNewName() {
        Map<String, Object> result = SampleObjects.result("promoted", "prod", null);
        result.put("imageName", "registry.acme.example/web");
        assertThat(PromotionRecord.of("https://git.example.com/acme/config.git", result).getVersion())
                .isEqualTo("registry.acme.example/web:1.5.0@" + SampleObjects.DIGEST);
        result.put("tag", null);
        assertThat(PromotionRunner.version(result)).isEqualTo("registry.acme.example/web@" + SampleObjects.DIGEST);
        result.put("imageName", null);
        assertThat(PromotionRunner.version(result)).isEqualTo(SampleObjects.DIGEST);
    }
}
