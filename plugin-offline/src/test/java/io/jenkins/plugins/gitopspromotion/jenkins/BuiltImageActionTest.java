package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import hudson.EnvVars;
import hudson.model.Run;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltImageActionTest {

    @Test
    void aPushedImageIsOfferedToLaterStepsAndOneNotPushedSetsNothing() {
        EnvVars pushed = new EnvVars();
        BuiltImageAction.of(Map.of("image", "registry.example.com/acme/web", "digest", SampleObjects.DIGEST,
                "reference", "registry.example.com/acme/web@" + SampleObjects.DIGEST), null).buildEnvironment(mock(Run.class), pushed);
        assertThat(pushed).containsEntry("GITOPS_IMAGE_REFERENCE", "registry.example.com/acme/web@" + SampleObjects.DIGEST)
                .containsEntry("GITOPS_IMAGE_DIGEST", SampleObjects.DIGEST);

        Map<String, Object> notPushed = new HashMap<>();
        notPushed.put("image", "registry.example.com/acme/web");
        notPushed.put("digest", null);
        notPushed.put("reference", null);
        EnvVars env = new EnvVars();
        BuiltImageAction.of(notPushed, null).buildEnvironment(mock(Run.class), env);
        assertThat(env).isEmpty();
    }
}
