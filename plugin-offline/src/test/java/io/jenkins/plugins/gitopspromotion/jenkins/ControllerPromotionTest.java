package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopspromotion.guard.CredentialBoundary;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionOrder;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.eclipse.jgit.lib.Repository;
import org.jenkinsci.plugins.gitclient.verifier.KnownHostsFileVerificationStrategy;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.MockedStatic;

/**
 * Promotions without a node: on the controller, in its process, on its warm mirror, with a boundary that reports the
 * controller's own service account token (as a controller in Kubernetes has one) instead of refusing for it.
 */
class ControllerPromotionTest {

    @TempDir
    Path dir;
    private Path jenkinsHome;
    private Repository remote;
    private String previousServiceAccountDir;
    private MockedStatic<Jenkins> jenkins;
    private HostKeyVerificationSetting hostKeys;
    private MockedStatic<ExtensionList> extensions;
    private final GitOpsPromotionConfiguration configuration = new GitOpsPromotionConfiguration();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final TaskListener listener = mock(TaskListener.class);

    @BeforeEach
    void controllerInAPod() throws Exception {
        jenkinsHome = Files.createDirectories(dir.resolve("jenkins-home"));
        Path serviceAccount = Files.createDirectories(dir.resolve("serviceaccount"));
        Files.writeString(serviceAccount.resolve("token"), "eyJhbGciOi.token.for-the-kubernetes-plugin");
        previousServiceAccountDir = System.setProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY, serviceAccount.toString());
        remote = BareRepos.create(dir.resolve("config.git"));
        ConfigRepositoryFixture.seed(remote);
        Jenkins instance = mock(Jenkins.class);
        when(instance.getRootDir()).thenReturn(jenkinsHome.toFile());
        jenkins = mockStatic(Jenkins.class);
        jenkins.when(Jenkins::get).thenReturn(instance);
        extensions = mockStatic(ExtensionList.class);
        hostKeys = HostKeyVerificationSetting.of(new KnownHostsFileVerificationStrategy());
        extensions.when(() -> ExtensionList.lookupSingleton(GitOpsPromotionConfiguration.class)).thenReturn(configuration);
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void close() {
        hostKeys.close();
        extensions.close();
        jenkins.close();
        remote.close();
        if (previousServiceAccountDir == null) {
            System.clearProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY);
        } else {
            System.setProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY, previousServiceAccountDir);
        }
    }

    private PromotionOrder order(String tag) {
        return PromotionOrder.promote(RepositoryAccess.of(dir.resolve("config.git").toUri().toString()), "dev").app("web").tag(tag)
                .boundary("enforce");
    }

    private Map<String, Object> promote(Map<String, String> buildEnvironment, String tag) throws Exception {
        EnvVars env = new EnvVars();
        env.putAll(buildEnvironment);
        return PromotionRunner.promote(Builds.build(), null, env, listener, order(tag));
    }

    @Test
    void aPromotionWithoutANodeRunsOnTheControllersMirrorAndReportsItsOwnToken() throws Exception {
        Map<String, Object> result = promote(Map.of(), "1.1.0");

        assertThat(result.get("status")).isEqualTo("promoted");
        assertThat((Iterable<?>) result.get("warnings")).anySatisfy(w -> assertThat(w.toString())
                .startsWith("noted, refuses nothing: service-account-token"));
        assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml")).contains("1.1.0");
        try (var mirrors = Files.list(jenkinsHome.resolve("caches/gitops-promotion"))) {
            assertThat(mirrors.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("config-") && n.endsWith(".git"));
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("noted, refuses nothing");
    }

    @Test
    void afterAPromotionTheRepositorysMootPromotionBranchesAreCleanedUpAndLogged() throws Exception {
        EnvVars env = new EnvVars();
        PromotionRunner.promote(Builds.build(), null, env, listener, order("2.0.1").app(null).image("ghcr.io/acme/api").mode("branch"));
        assertThat(BareRepos.head(remote, "gitops-promotion/dev/api")).as("api 2.0.1 proposed on its branch").isNotNull();

        // The same version lands by another path (here straight on main, by another build: the same build within the same
        // second would make the branch's very commit, and main would simply take it); the branch has become moot.
        EnvVars hotfix = new EnvVars();
        hotfix.put("BUILD_URL", "https://ci.example.com/job/hotfix/7/");
        Map<String, Object> landed = PromotionRunner.promote(Builds.build(), null, hotfix, listener,
                order("2.0.1").app(null).image("ghcr.io/acme/api").mode("commit"));

        String line = "deleted gitops-promotion/dev/api: main has api `2.0.1` since " + landed.get("commit");
        assertThat((Iterable<?>) landed.get("warnings")).anySatisfy(w -> assertThat(w.toString()).startsWith(line));
        assertThat(BareRepos.head(remote, "gitops-promotion/dev/api")).as("the moot branch is deleted").isNull();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains(line);
    }

    @Test
    void gitopsPromoteWithAppsPromotesThemTogetherInOneCommit() throws Exception {
        EnvVars env = new EnvVars();
        PromotionRunner.promote(Builds.build(), null, env, listener, order("1.1.0"));
        PromotionRunner.promote(Builds.build(), null, env, listener, order("2.1.0").app(null).image("ghcr.io/acme/api"));
        int commits = BareRepos.log(remote, "main").size();
        PromoteStep step = new PromoteStep(dir.resolve("config.git").toUri().toString(), "staging");
        step.setApps(List.of("web", "api"));
        step.setFrom("dev");
        step.setMode("commit");

        Map<String, Object> result = step.promote(Builds.build(), null, env, listener, s -> s);

        assertThat(result.get("status")).isEqualTo("promoted");
        assertThat(result.get("app")).isEqualTo("web,api");
        assertThat(result.get("reason")).isEqualTo("Promote 2 apps to staging");
        assertThat(BareRepos.log(remote, "main")).hasSize(commits + 1);
        assertThat(BareRepos.readFile(remote, "main", "apps/api/staging/values.yaml")).contains("tag: 2.1.0");
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("promoted web,api in staging at - (commit " + result.get("commit") + ", pull request -)");
    }

    @Test
    void reopenGoesFromTheStepToTheRequest() throws Exception {
        PromoteStep step = new PromoteStep(dir.resolve("config.git").toUri().toString(), "staging");
        step.setApp("web");
        step.setFrom("dev");
        assertThat(step.order(Builds.build(), s -> s).request().reopen()).isFalse();

        step.setReopen(true);

        assertThat(step.isReopen()).isTrue();
        assertThat(step.order(Builds.build(), s -> s).request().reopen()).isTrue();
    }

    @Test
    void theControllersOwnTokenRefusesOnlyWhenTheAdministratorSaysSo() throws Exception {
        configuration.setEnforceOnController(true);

        assertThatThrownBy(() -> promote(Map.of(), "1.2.0")).isInstanceOf(AbortException.class)
                .hasMessageContaining("service-account-token");
        assertThat(BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml")).doesNotContain("1.2.0");
    }

    @Test
    void aKubeconfigTheBuildNamesRefusesOnTheControllerToo() throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");

        assertThatThrownBy(() -> promote(Map.of("KUBECONFIG", kubeconfig.toString()), "1.3.0")).isInstanceOf(AbortException.class)
                .hasMessageContaining("KUBECONFIG");
    }

    @Test
    void onAgentOutsideANodeSaysWhatItNeeds() throws Exception {
        PromoteStep step = new PromoteStep("config", "dev");
        StepContext outsideNode = mock(StepContext.class);
        assertThat(step.workspace(outsideNode)).as("on the controller, no workspace is asked for").isNull();

        step.setOnAgent(true);
        assertThatThrownBy(() -> step.workspace(outsideNode)).isInstanceOf(AbortException.class)
                .hasMessage("GitOps Promotion: onAgent: true needs a node: put the step inside node { … }, or leave onAgent out to"
                        + " work on the controller.");
        FilePath workspace = AgentFiles.of(dir);
        when(outsideNode.get(FilePath.class)).thenReturn(workspace);
        assertThat(step.workspace(outsideNode)).isSameAs(workspace);
    }

    @Test
    void gitopsRollbackHoldsTheAppUntilGitopsReleaseAndAnOverrideGoesThroughWithItsReason() throws Exception {
        RepositoryAccess access = RepositoryAccess.of(dir.resolve("config.git").toUri().toString());
        promote(Map.of(), "1.1.0");
        RollbackStep rollback = new RollbackStep(dir.resolve("config.git").toUri().toString(), "dev", "web");
        rollback.setReason("1.1.0 breaks checkout");
        Map<String, Object> back = rollback.promote(Builds.build(), null, new EnvVars(), listener, s -> s);
        assertThat(back.get("files")).asList().containsExactly("apps/web/dev/kustomization.yaml", ".gitops/holds.yaml");

        assertThatThrownBy(() -> promote(Map.of(), "1.2.0")).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("GitOps Promotion refused: dev is held for web (.gitops/holds.yaml): held by"
                        + " gitops-promotion <gitops-promotion@users.noreply.invalid> since ")
                .hasMessageContaining(": 1.1.0 breaks checkout; release it with gitops-promotion release --env dev --app web");
        Map<?, ?> cell = (Map<?, ?>) ((java.util.List<?>) PromotionRunner.status(null, new EnvVars(), access).get("cells")).get(0);
        assertThat(((Map<?, ?>) cell.get("hold")).get("reason")).isEqualTo("1.1.0 breaks checkout");

        PromoteStep step = new PromoteStep(dir.resolve("config.git").toUri().toString(), "dev");
        step.setApp("web");
        step.setTag("1.2.0");
        step.setOverrideHold(true);
        step.setReason("INC-42");
        Map<String, Object> forced = PromotionRunner.promote(Builds.build(), null, new EnvVars(), listener,
                step.order(Builds.build(), java.util.function.UnaryOperator.identity()));
        assertThat(forced.get("status")).isEqualTo("promoted");
        assertThat(BareRepos.log(remote, "main").get(0).getFooterLines("Hold-Overridden")).containsExactly("INC-42");

        ReleaseStep release = new ReleaseStep(dir.resolve("config.git").toUri().toString(), "dev", "web");
        release.setReason("fixed in 1.2.0");
        Map<String, Object> released = release.promote(Builds.build(), null, new EnvVars(), listener, s -> s);
        assertThat(released.get("status")).isEqualTo("released");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("GitOps Promotion: released web in dev at - (commit "
                + released.get("commit") + ", pull request -)");
        assertThat(promote(Map.of(), "1.3.0").get("status")).isEqualTo("promoted");
    }

    @Test
    void theStatusIsReadOnTheControllerToo() throws Exception {
        Map<String, Object> status = PromotionRunner.status(null, new EnvVars(),
                RepositoryAccess.of(dir.resolve("config.git").toUri().toString()));

        assertThat(status.get("environments")).asList().containsExactly("dev", "staging", "prod");
    }
}
