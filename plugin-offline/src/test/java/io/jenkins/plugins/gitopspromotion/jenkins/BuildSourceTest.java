package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.model.Run;
import hudson.plugins.git.Revision;
import hudson.plugins.git.util.BuildData;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The source a promotion names: from the environment, or from what the Git plugin recorded on the build. */
class BuildSourceTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void theEnvironmentsCommitAndUrlComeFirst() {
        BuildSource source = BuildSource.of(Builds.build(), Map.of("GIT_COMMIT", SHA, "GIT_URL", "https://github.com/acme/web.git"));
        assertThat(source.commit()).isEqualTo(SHA);
        assertThat(source.link()).isEqualTo("https://github.com/acme/web/commit/" + SHA);
    }

    @Test
    void aScriptedPipelinesCheckoutIsReadFromTheGitPluginsData() {
        Run<?, ?> run = Builds.build();
        BuildData none = mock(BuildData.class); // a checkout that has not built yet
        Revision revision = mock(Revision.class);
        when(revision.getSha1String()).thenReturn(SHA);
        BuildData checkout = mock(BuildData.class);
        when(checkout.getLastBuiltRevision()).thenReturn(revision);
        when(checkout.getRemoteUrls()).thenReturn(Set.of("git@gitlab.com:acme/web.git"));
        when(run.getActions(BuildData.class)).thenReturn(List.of(none, checkout));

        BuildSource source = BuildSource.of(run, Map.of());

        assertThat(source.commit()).isEqualTo(SHA);
        assertThat(source.link()).isEqualTo("https://gitlab.com/acme/web/-/commit/" + SHA);
    }

    @Test
    void noSourceIsNoSourceAndAnUnknownHostNoLink() {
        Run<?, ?> run = Builds.build();
        when(run.getActions(BuildData.class)).thenReturn(List.of());
        assertThat(BuildSource.of(run, Map.of())).isEqualTo(new BuildSource(null, null));
        assertThat(BuildSource.of(run, Map.of("GIT_COMMIT", SHA, "GIT_URL", "https://git.example.com/acme/web.git")).link()).isNull();
    }
}
