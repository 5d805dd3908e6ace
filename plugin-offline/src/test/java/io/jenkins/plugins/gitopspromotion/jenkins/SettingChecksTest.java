package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import hudson.model.Descriptor;
import java.util.List;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;
import org.junit.jupiter.api.Test;

/** The global settings refuse bad values however they arrive (JCasC and scripts call the same constructor and setters). */
class SettingChecksTest {

    private static final String URL = "https://git.example.com/acme/config.git";

    @Test
    void aRepositoryNeedsAValidIdAndAUrlTheEngineCanReach() {
        assertThat(new ConfigRepository("  platform-config ", URL + " ").getId()).isEqualTo("platform-config");
        assertThatThrownBy(() -> new ConfigRepository("platform config", URL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'platform config' is not a valid id");
        assertThatThrownBy(() -> new ConfigRepository(" ", URL)).hasMessage("Give the repository an id, which jobs use to name it.");
        assertThatThrownBy(() -> new ConfigRepository("config", null)).hasMessage("Give the repository's URL.");
        assertThatThrownBy(() -> new ConfigRepository("config", "ftp://git.example.com/config.git"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp");
    }

    @Test
    void twoRepositoriesCannotShareAnId() {
        GitOpsPromotionConfiguration configuration = new GitOpsPromotionConfiguration();
        assertThatThrownBy(() -> configuration.setRepositories(List.of(new ConfigRepository("config", URL),
                new ConfigRepository("config", "https://git.example.com/acme/other.git"))))
                .hasMessage("Two config repositories have the id 'config': jobs could not tell them apart.");
        assertThat(configuration.getRepositories()).isEmpty();
    }

    @Test
    void theBoundaryAndTheCacheFolderAreChecked() {
        GitOpsPromotionConfiguration configuration = new GitOpsPromotionConfiguration();
        assertThatThrownBy(() -> configuration.setBoundary("block")).hasMessage("'block' is not a boundary mode: use one of enforce,"
                + " warn, off.");
        configuration.setBoundary("warn");
        assertThat(configuration.getBoundary()).isEqualTo("warn");
        configuration.setBoundary("");
        assertThat(configuration.getBoundary()).isEqualTo("enforce");
        assertThatThrownBy(() -> configuration.setCacheFolder("cache")).hasMessageStartingWith("Give an absolute folder");
        configuration.setCacheFolder("C:\\cache");
        assertThat(configuration.getCacheFolder()).isEqualTo("C:\\cache");
    }

    @Test
    void theFormDeletesTheLastRepository() throws Exception {
        GitOpsPromotionConfiguration configuration = new GitOpsPromotionConfiguration();
        configuration.setRepositories(List.of(new ConfigRepository("config", URL)));
        StaplerRequest2 request = mock(StaplerRequest2.class);
        JSONObject form = new JSONObject(); // a repeatable list with no entry left sends no key at all
        form.put("boundary", "warn");

        assertThat(configuration.configure(request, form)).isTrue();

        assertThat(configuration.getRepositories()).isEmpty();
        verify(request).bindJSON(configuration, form);
    }

    @Test
    void aRefusedValueIsShownOnTheFormNamingTheProblem() throws Exception {
        GitOpsPromotionConfiguration configuration = new GitOpsPromotionConfiguration();
        StaplerRequest2 request = mock(StaplerRequest2.class);
        JSONObject form = new JSONObject();
        form.put("repositories", new JSONObject());
        doThrow(new IllegalArgumentException("Failed to instantiate class ConfigRepository",
                new IllegalArgumentException("'platform config' is not a valid id"))).when(request).bindJSON(configuration, form);

        assertThatThrownBy(() -> configuration.configure(request, form)).isInstanceOf(Descriptor.FormException.class)
                .hasMessage("'platform config' is not a valid id");
    }
}
