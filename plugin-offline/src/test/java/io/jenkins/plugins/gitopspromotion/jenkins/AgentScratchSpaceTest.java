package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.build.ScratchFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build's private folder on the agent (its registry login) is gone when the step ends, aborted builds included. */
class AgentScratchSpaceTest {

    @TempDir
    Path workspaceTmp;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void anAbortedBuildStillDeletesItsLogin() throws Exception {
        AgentScratchSpace space = new AgentScratchSpace(AgentFiles.of(workspaceTmp));
        ScratchFolder folder = space.create();
        Path login = folder.createPrivateFile("auth.json", "{\"auths\":{}}".getBytes(StandardCharsets.UTF_8));
        assertThat(login).exists();

        Thread.currentThread().interrupt(); // Jenkins aborts a build by interrupting the step's thread
        folder.close();

        assertThat(folder.path()).doesNotExist();
        assertThat(Thread.currentThread().isInterrupted()).as("the abort is not swallowed").isTrue();
        try (var left = Files.list(workspaceTmp)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("image-build"))).isEmpty();
        }
    }
}
