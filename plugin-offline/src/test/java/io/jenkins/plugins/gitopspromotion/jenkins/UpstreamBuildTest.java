package io.jenkins.plugins.gitopspromotion.jenkins;

import static io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture.DIGEST_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.ExtensionList;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.Permission;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import jenkins.model.Jenkins;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jenkinsci.plugins.gitclient.verifier.KnownHostsFileVerificationStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.MockedStatic;

/**
 * {@code gitopsPromote build: 'web#42'} from a "deploy" job: exactly what that build built is promoted, with that
 * build and its source commit as the provenance; a name that finds no build, or no one image, is refused up front.
 */
class UpstreamBuildTest {

    private static final String SOURCE = "89abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;
    private Repository remote;
    private MockedStatic<Jenkins> jenkins;
    private HostKeyVerificationSetting hostKeys;
    private MockedStatic<ExtensionList> extensions;
    private final GitOpsPromotionConfiguration configuration = new GitOpsPromotionConfiguration();
    private final TaskListener listener = mock(TaskListener.class);
    private Run<?, ?> upstream;
    private Run<?, ?> deploy;

    @BeforeEach
    void aWebBuildAndADeployJob() throws Exception {
        remote = BareRepos.create(dir.resolve("config.git"));
        ConfigRepositoryFixture.seed(remote);
        configuration.setRepositories(List.of(new ConfigRepository("config", dir.resolve("config.git").toUri().toString())));
        Jenkins instance = mock(Jenkins.class);
        when(instance.getRootDir()).thenReturn(Files.createDirectories(dir.resolve("jenkins-home")).toFile());
        when(instance.getRootUrl()).thenReturn("https://jenkins.example.com/");
        jenkins = mockStatic(Jenkins.class);
        jenkins.when(Jenkins::get).thenReturn(instance);
        extensions = mockStatic(ExtensionList.class);
        hostKeys = HostKeyVerificationSetting.of(new KnownHostsFileVerificationStrategy());
        extensions.when(() -> ExtensionList.lookupSingleton(GitOpsPromotionConfiguration.class)).thenReturn(configuration);
        when(listener.getLogger()).thenReturn(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        Job<?, ?> web = Builds.job("web");
        when(web.hasPermission(any(Permission.class))).thenReturn(true);
        upstream = Builds.build(web, 42);
        when(upstream.getUrl()).thenReturn("job/web/42/");
        upstream.addAction(new BuiltImageAction("ghcr.io/acme/web", List.of("1.1.0", "latest"), "ghcr.io/acme/web@" + DIGEST_B, DIGEST_B,
                SOURCE));
        doReturn(upstream).when(web).getBuildByNumber(42);
        deploy = Builds.build(Builds.job("deploy"), 7);
        when(instance.getItem(anyString(), any(Item.class), eq(Job.class))).thenReturn(null);
        doReturn(web).when(instance).getItem(eq("web"), any(Item.class), eq(Job.class));
    }

    @AfterEach
    void close() {
        hostKeys.close();
        extensions.close();
        jenkins.close();
        remote.close();
    }

    private Map<String, Object> promote(PromoteStep step) throws Exception {
        EnvVars env = new EnvVars();
        env.put("BUILD_URL", "https://jenkins.example.com/job/deploy/7/");
        return step.promote(deploy, null, env, listener, UnaryOperator.identity());
    }

    private static PromoteStep step(String build) {
        PromoteStep step = new PromoteStep("config", "dev");
        step.setBuild(build);
        return step;
    }

    @Test
    void theNamedBuildsImageIsPromotedWithItsProvenance() throws Exception {
        Map<String, Object> result = promote(step("web#42"));

        assertThat(result.get("status")).isEqualTo("promoted");
        assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml")).contains("1.1.0").contains(DIGEST_B);
        RevCommit commit = BareRepos.log(remote, "main").get(0);
        assertThat(commit.getFullMessage()).contains("Build-Url: https://jenkins.example.com/job/web/42/")
                .contains("Source-Commit: " + SOURCE);
        assertThat(deploy.getAction(PromotionsAction.class).getPromotions()).singleElement()
                .satisfies(p -> assertThat(p.getVersion()).isEqualTo("1.1.0@" + DIGEST_B));
    }

    @Test
    void whatNamesNoSingleImageIsRefusedAndNothingIsPushed() throws Exception {
        String before = BareRepos.head(remote, "main").name();
        assertThatThrownBy(() -> promote(step("web"))).isInstanceOf(AbortException.class)
                .hasMessage("build: 'web' names no build: write JOB#NUMBER, such as folder/web#42.");
        assertThatThrownBy(() -> promote(step("api#42"))).isInstanceOf(AbortException.class)
                .hasMessage("build: there is no job 'api' this build may read.");
        assertThatThrownBy(() -> promote(step("web#43"))).isInstanceOf(AbortException.class)
                .hasMessage("build: there is no build web#43.");
        PromoteStep withTag = step("web#42");
        withTag.setTag("1.2.0");
        assertThatThrownBy(() -> promote(withTag)).isInstanceOf(AbortException.class)
                .hasMessage("build names the version to promote: give it without tag, digest or from.");
        PromoteStep otherImage = step("web#42");
        otherImage.setImage("ghcr.io/acme/api");
        assertThatThrownBy(() -> promote(otherImage)).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("build: web#42 recorded no image ghcr.io/acme/api to promote");
        upstream.addAction(new BuiltImageAction("ghcr.io/acme/worker", List.of("0.9.1"), null, null, null));
        assertThatThrownBy(() -> promote(step("web#42"))).isInstanceOf(AbortException.class)
                .hasMessage("build: web#42 built several images (ghcr.io/acme/web, ghcr.io/acme/worker): name the one to promote with image.");
        assertThat(BareRepos.head(remote, "main").name()).isEqualTo(before);
    }

    @Test
    void ofSeveralImagesTheOneNamedIsPromoted() throws Exception {
        upstream.addAction(new BuiltImageAction("ghcr.io/acme/worker", List.of("0.9.1"), null, null, null));
        PromoteStep worker = step("web#42");
        worker.setImage("ghcr.io/acme/worker");

        assertThat(promote(worker).get("app")).isEqualTo("worker");
        assertThat(BareRepos.readFile(remote, "main", "apps/worker/dev/worker.yaml")).contains("ghcr.io/acme/worker:0.9.1");
    }
}
