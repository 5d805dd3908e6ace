package io.jenkins.plugins.gitopspromotion.jenkins;

import static io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture.DIGEST_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.ExtensionList;
import hudson.model.Cause;
import hudson.model.Failure;
import hudson.model.Run;
import hudson.model.User;
import hudson.security.Permission;
import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import jenkins.model.Jenkins;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jenkinsci.plugins.gitclient.verifier.KnownHostsFileVerificationStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.StaplerResponse2;
import org.mockito.MockedStatic;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * A build's GitOps Promotion page against a real config repository, on the controller's mirror: where the build's
 * image stands, who gets which button, approvals with duties kept apart, and promotions made as the user who pressed,
 * with nothing pushed when one is refused.
 */
class BuildPageTest {

    private static final String SOURCE = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;
    private Repository remote;
    private MockedStatic<Jenkins> jenkins;
    private HostKeyVerificationSetting hostKeys;
    private MockedStatic<ExtensionList> extensions;
    private MockedStatic<User> users;
    private final GitOpsPromotionConfiguration configuration = new GitOpsPromotionConfiguration();
    private final StaplerResponse2 response = mock(StaplerResponse2.class);
    private Run<?, ?> build;
    private BuildPromotionAction page;

    @BeforeEach
    void aBuildThatBuiltWeb() throws Exception {
        remote = BareRepos.create(dir.resolve("config.git"));
        ConfigRepositoryFixture.seed(remote);
        ConfigRepository registered = new ConfigRepository("config", dir.resolve("config.git").toUri().toString());
        EnvironmentRule dev = new EnvironmentRule("dev");
        dev.setApprovers("release-managers, carol");
        dev.setApprovals(2);
        EnvironmentRule staging = new EnvironmentRule("staging");
        staging.setAllowed("sre");
        registered.setEnvironments(List.of(dev, staging));
        configuration.setRepositories(List.of(registered));

        Jenkins instance = mock(Jenkins.class);
        when(instance.getRootDir()).thenReturn(Files.createDirectories(dir.resolve("jenkins-home")).toFile());
        when(instance.getRootUrl()).thenReturn("https://jenkins.example.com/");
        when(instance.hasPermission(any(Permission.class))).thenReturn(true);
        jenkins = mockStatic(Jenkins.class);
        jenkins.when(Jenkins::get).thenReturn(instance);
        extensions = mockStatic(ExtensionList.class);
        extensions.when(() -> ExtensionList.lookupSingleton(GitOpsPromotionConfiguration.class)).thenReturn(configuration);
        extensions.when(() -> ExtensionList.lookupSingleton(GitOpsPromotionsRootAction.class)).thenReturn(new GitOpsPromotionsRootAction());
        users = mockStatic(User.class);
        hostKeys = HostKeyVerificationSetting.of(new KnownHostsFileVerificationStrategy());

        build = Builds.build(Builds.job("web"), 42);
        when(build.getUrl()).thenReturn("job/web/42/");
        Cause.UserIdCause startedByDave = mock(Cause.UserIdCause.class);
        when(startedByDave.getUserId()).thenReturn("dave");
        when(build.getCause(Cause.UserIdCause.class)).thenReturn(startedByDave);
        build.addAction(new BuiltImageAction("ghcr.io/acme/web", List.of("1.1.0", "latest"), "ghcr.io/acme/web@" + DIGEST_B, DIGEST_B,
                SOURCE));
        page = new BuildPromotionAction(build);
    }

    @AfterEach
    void close() {
        hostKeys.close();
        users.close();
        extensions.close();
        jenkins.close();
        remote.close();
    }

    /** The user of the requests that follow: an id and groups. */
    private void as(String id, String... groups) {
        Authentication authentication = mock(Authentication.class);
        when(authentication.getName()).thenReturn(id);
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        Arrays.stream(groups).forEach(g -> authorities.add(() -> g));
        when(authentication.getAuthorities()).thenAnswer(call -> authorities);
        jenkins.when(Jenkins::getAuthentication2).thenReturn(authentication);
    }

    private List<BuildStandingView.Environment> environments() {
        List<BuildStandingView.Image> images = page.getImages();
        assertThat(images).singleElement().extracting(BuildStandingView.Image::getReference).isEqualTo("ghcr.io/acme/web@" + DIGEST_B);
        BuildStandingView.Repository repository = images.get(0).getRepositories().get(0);
        assertThat(repository.getError()).isNull();
        assertThat(repository.getApps()).extracting(BuildStandingView.App::getName).containsExactly("web");
        return repository.getApps().get(0).getEnvironments();
    }

    private String devTag() throws Exception {
        return BareRepos.readFile(remote, "main", "apps/web/dev/kustomization.yaml");
    }

    @Test
    void twoApprovalsFromOthersThanTheBuildsOwnPeopleThenThePromotionAsTheLastApprover() throws Exception {
        as("dave", "release-managers");
        BuildStandingView.Environment dev = environments().get(0);
        assertThat(dev.getVerdict()).isEqualTo("MAY_ENTER");
        assertThat(dev.getAction()).as("dave started the build: duties are kept apart").isNull();
        assertThat(dev.getApprovals().getSummary()).isEqualTo("0 of 2 approvals: -");
        assertThatThrownBy(() -> page.doPromote(0, "config", "web", "dev", response)).isInstanceOf(Failure.class)
                .hasMessageContaining("dave started the build or made its source change");

        as("carol");
        assertThat(environments().get(0).getAction()).isEqualTo("Approve the promotion to dev");
        page.doPromote(0, "config", "web", "dev", response);
        assertThat(devTag()).as("one approval of two: nothing promoted").contains("1.0.0").doesNotContain("1.1.0");
        assertThat(environments().get(0).getApprovals().getSummary()).isEqualTo("1 of 2 approvals: carol");
        assertThat(environments().get(0).getAction()).as("carol has approved").isNull();
        assertThatThrownBy(() -> page.doPromote(0, "config", "web", "dev", response)).isInstanceOf(Failure.class)
                .hasMessageContaining("carol has approved already");

        as("mallory", "developers");
        assertThat(environments().get(0).getAction()).isNull();
        assertThatThrownBy(() -> page.doPromote(0, "config", "web", "dev", response)).isInstanceOf(Failure.class)
                .hasMessageContaining("mallory is not one of those who may approve");

        as("erin", "release-managers");
        assertThat(environments().get(0).getAction()).isEqualTo("Approve and promote to dev");
        page.doPromote(0, "config", "web", "dev", response);

        assertThat(devTag()).contains("1.1.0").contains(DIGEST_B);
        RevCommit commit = BareRepos.log(remote, "main").get(0);
        assertThat(commit.getAuthorIdent().getName()).isEqualTo("erin");
        assertThat(commit.getFullMessage()).contains("Promoted-By: erin").contains("Build-Url: https://jenkins.example.com/job/web/42/")
                .contains("Source-Commit: " + SOURCE);
        assertThat(page.getPromotions()).singleElement().satisfies(p -> {
            assertThat(p.getStatus()).isEqualTo("promoted");
            assertThat(p.getPromotedBy()).isEqualTo("erin");
            assertThat(p.getCommit()).isEqualTo(commit.name());
        });
        assertThat(build.getAction(BuildApprovalsAction.class).getApprovals().get(BuildApprovalsAction.key("config", "web", "dev")))
                .extracting(BuildApprovalsAction.Given::getUser).containsExactly("carol", "erin");
        verify(response, org.mockito.Mockito.times(2)).sendRedirect(".");
        assertThat(environments().get(0).getState()).isEqualTo("runs this build's version");
    }

    @Test
    void anEnvironmentClosedToAUserRefusesThemAndPushesNothing() throws Exception {
        as("erin", "release-managers");
        page.doPromote(0, "config", "web", "dev", response); // the first approval
        as("carol");
        page.doPromote(0, "config", "web", "dev", response); // the second: promoted

        as("bob", "developers");
        BuildStandingView.Environment staging = environments().get(1);
        assertThat(staging.getVerdict()).isEqualTo("MAY_ENTER");
        assertThat(staging.getAction()).as("staging admits sre only").isNull();
        assertThatThrownBy(() -> page.doPromote(0, "config", "web", "staging", response)).isInstanceOf(Failure.class)
                .hasMessageContaining("bob may not promote into or roll back in staging");
        assertThat(remote.exactRef("refs/heads/gitops-promotion/staging/web")).isNull();

        as("alice", "sre");
        assertThat(environments().get(1).getAction()).isEqualTo("Promote to staging");
        page.doPromote(0, "config", "web", "staging", response);
        assertThat(remote.exactRef("refs/heads/gitops-promotion/staging/web")).as("staging promotes by pull request").isNotNull();
        BuildStandingView.Environment pending = environments().get(1);
        assertThat(pending.getPresence()).isEqualTo("PENDING");
        assertThat(pending.getPendingBranch()).isEqualTo("gitops-promotion/staging/web");
        assertThat(pending.getAction()).as("proposed already: nothing to press").isNull();
        assertThat(environments().get(2).getReason()).startsWith("prod requires staging");
    }

    @Test
    void whatTheBuildDidNotBuildCannotBePromoted() {
        as("alice", "sre");
        assertThatThrownBy(() -> page.doPromote(3, "config", "web", "dev", response)).isInstanceOf(Failure.class)
                .hasMessage("Build web #42 has no image 3 to promote.");
        assertThatThrownBy(() -> page.doPromote(0, "unknown", "web", "dev", response)).isInstanceOf(Failure.class)
                .hasMessage("The config repository 'unknown' is no longer registered.");
    }

    @Test
    void theJobsMatrixMarksWhereEachBuildsVersionIsFromGit() throws Exception {
        hudson.model.Job<?, ?> web = build.getParent();
        Run<?, ?> older = Builds.build(web, 41);
        when(older.getUrl()).thenReturn("job/web/41/");
        older.addAction(new BuiltImageAction("ghcr.io/acme/web", List.of("1.0.0"), null, null, null)); // what the repository runs
        doReturn(older).when(build).getPreviousBuild();
        doReturn(build).when(web).getLastBuild();
        JobPromotionsAction job = new JobPromotionsAction(web);
        as("carol");
        page.doPromote(0, "config", "web", "dev", response);
        as("erin", "release-managers");
        page.doPromote(0, "config", "web", "dev", response);

        List<JobMatrixView.Table> tables = job.getMatrices();

        assertThat(tables).singleElement().satisfies(table -> {
            assertThat(table.getRepository()).isEqualTo("config");
            assertThat(table.getApp()).isEqualTo("web");
            assertThat(table.getEnvironments()).containsExactly("dev", "staging", "prod");
            assertThat(table.getRows()).extracting(JobMatrixView.Row::getNumber).containsExactly(42, 41);
            assertThat(table.getRows().get(0).getCells()).extracting(JobMatrixView.Cell::getPlace).containsExactly("NOW", "NEVER", "NEVER");
            assertThat(table.getRows().get(0).getCells().get(0).getCommit()).isEqualTo(BareRepos.head(remote, "main").name());
            assertThat(table.getRows().get(1).getCells()).extracting(JobMatrixView.Cell::getPlace).containsExactly("WAS", "NOW", "NOW");
            assertThat(table.getRows().get(0).getCells().get(0).getLink()).as("a local repository has no commit pages").isNull();
        });
    }

    @Test
    void usersWhoMayNotViewTheRepositoriesSeeTheImageOnly() {
        as("guest");
        when(Jenkins.get().hasPermission(any(Permission.class))).thenReturn(false);
        assertThat(page.isCanView()).isFalse();
        assertThat(page.getImages()).singleElement().satisfies(i -> assertThat(i.getRepositories()).isEmpty());
    }
}
