package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.ExtensionList;
import hudson.model.User;
import hudson.util.Secret;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.view.ViewApi;
import io.jenkins.plugins.gitopspromotion.view.ViewUser;
import java.nio.file.Path;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.gitclient.verifier.KnownHostsFileVerificationStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.MockedStatic;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The promotion view in Jenkins: who may change which environment, how they are recorded, what is kept between requests. */
class PromotionViewInJenkinsTest {

    @TempDir
    Path home;
    private final GitOpsPromotionConfiguration configuration = new GitOpsPromotionConfiguration();
    private MockedStatic<Jenkins> jenkins;
    private HostKeyVerificationSetting hostKeys;
    private MockedStatic<ExtensionList> extensions;
    private MockedStatic<User> users;
    private MockedStatic<CredentialsMatchers> matchers;

    @BeforeEach
    void jenkins() {
        Jenkins instance = mock(Jenkins.class);
        when(instance.getRootDir()).thenReturn(home.toFile());
        jenkins = mockStatic(Jenkins.class);
        jenkins.when(Jenkins::get).thenReturn(instance);
        jenkins.when(Jenkins::getAuthentication2).thenReturn(new UsernamePasswordAuthenticationToken("jane", null,
                List.of(new SimpleGrantedAuthority("authenticated"), new SimpleGrantedAuthority("SRE"))));
        User jane = mock(User.class);
        when(jane.getFullName()).thenReturn("Jane Doe");
        users = mockStatic(User.class);
        users.when(User::current).thenReturn(jane);
        extensions = mockStatic(ExtensionList.class);
        hostKeys = HostKeyVerificationSetting.of(new KnownHostsFileVerificationStrategy());
        extensions.when(() -> ExtensionList.lookupSingleton(GitOpsPromotionConfiguration.class)).thenReturn(configuration);
        matchers = mockStatic(CredentialsMatchers.class);
    }

    @AfterEach
    void close() {
        hostKeys.close();
        matchers.close();
        extensions.close();
        users.close();
        jenkins.close();
    }

    private static ConfigRepository registration(String allowedIntoProd) {
        ConfigRepository repository = new ConfigRepository("config", "https://git.example.com/acme/config.git");
        repository.setCredentialsId("config-token");
        repository.setProvider("none");
        if (allowedIntoProd != null) {
            EnvironmentRule prod = new EnvironmentRule("prod");
            prod.setAllowed(allowedIntoProd);
            repository.setEnvironments(List.of(prod));
        }
        return repository;
    }

    @Test
    void aRestrictedEnvironmentAdmitsOnlyTheUsersAndGroupsNamed() {
        JenkinsViewUser jane = JenkinsViewUser.current(registration("sre"));
        jane.checkMayChange("web", "prod"); // a group of hers, whatever its case
        jane.checkMayChange("web", "staging"); // not restricted

        JenkinsViewUser notAdmitted = JenkinsViewUser.current(registration("alice, release-managers"));
        assertThatThrownBy(() -> notAdmitted.checkMayChange("web", "prod")).isInstanceOf(ViewUser.ChangeForbiddenException.class)
                .hasMessage("jane may not promote into or roll back in prod of config: only the users and groups its registration"
                        + " names may.");
        assertThat(notAdmitted.changed()).contains("web in prod");
        assertThat(JenkinsViewUser.current(registration("alice JANE"))).satisfies(u -> u.checkMayChange("web", "prod"));
    }

    @Test
    void theUserIsTheAuthorAndNamedInATrailer() {
        PromotionRequest request = JenkinsViewUser.current(registration(null))
                .record(PromotionRequest.builder(RepositoryLocation.parse("https://git.example.com/acme/config.git"), "prod").app("web")
                        .version(new io.jenkins.plugins.gitopspromotion.promotion.VersionSource.Given(java.util.Optional.of("1.0.0"),
                                java.util.Optional.empty())))
                .build();

        assertThat(request.author().getName()).isEqualTo("Jane Doe");
        assertThat(request.author().getEmailAddress()).isEqualTo("jane@users.noreply.invalid");
        assertThat(request.promotedBy()).contains("Jane Doe (jane)");
    }

    @Test
    void theViewIsKeptUntilTheRegistrationOrItsCredentialsChange() throws Exception {
        configuration.setRepositories(List.of(registration(null)));
        StandardUsernamePasswordCredentials token = login("t0ken-1");
        matchers.when(() -> CredentialsMatchers.firstOrNull(any(), any())).thenReturn(token);
        RepositoryPage page = new RepositoryPage("config");

        ViewApi first = page.api();
        assertThat(page.api()).isSameAs(first);

        StandardUsernamePasswordCredentials rotated = login("t0ken-2");
        matchers.when(() -> CredentialsMatchers.firstOrNull(any(), any())).thenReturn(rotated);
        ViewApi afterRotation = page.api();
        assertThat(afterRotation).isNotSameAs(first);
        assertThat(page.api()).isSameAs(afterRotation);

        ConfigRepository moved = registration(null);
        moved.setBaseBranch("release");
        configuration.setRepositories(List.of(moved));
        assertThat(page.api()).isNotSameAs(afterRotation);

        configuration.setRepositories(List.of());
        assertThatThrownBy(page::api).hasMessage("The config repository 'config' is no longer registered.");
    }

    @Test
    void pagesOfRepositoriesNoLongerRegisteredAreDropped() {
        configuration.setRepositories(List.of(registration(null),
                new ConfigRepository("other", "https://git.example.com/acme/other.git")));
        GitOpsPromotionsRootAction root = new GitOpsPromotionsRootAction();
        RepositoryPage page = root.getRepository("config");
        assertThat(root.getRepository("config")).isSameAs(page);
        root.getRepository("other");

        configuration.setRepositories(List.of(new ConfigRepository("other", "https://git.example.com/acme/other.git")));

        assertThat(root.getRepository("config")).isNull();
        assertThat(root.pages()).containsOnlyKeys("other");
    }

    private static StandardUsernamePasswordCredentials login(String password) {
        Secret secret = mock(Secret.class);
        when(secret.getPlainText()).thenReturn(password);
        StandardUsernamePasswordCredentials credentials = mock(StandardUsernamePasswordCredentials.class);
        when(credentials.getUsername()).thenReturn("ci-bot");
        when(credentials.getPassword()).thenReturn(secret);
        return credentials;
    }
}
