package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;

/** What each credentials dropdown offers. */
class CredentialKindsTest {

    private static <C extends Credentials> C credentials(Class<C> kind, CredentialsScope scope) {
        C credentials = mock(kind);
        when(credentials.getScope()).thenReturn(scope);
        return credentials;
    }

    @Test
    void aRegisteredRepositoryIsOfferedOnlyCredentialsBuildsCanSee() {
        assertThat(CredentialKinds.REPOSITORY_FOR_BUILDS.matches(credentials(StringCredentials.class, CredentialsScope.GLOBAL))).isTrue();
        assertThat(CredentialKinds.REPOSITORY_FOR_BUILDS.matches(credentials(StringCredentials.class, CredentialsScope.SYSTEM))).isFalse();
        assertThat(CredentialKinds.REPOSITORY.matches(credentials(StringCredentials.class, CredentialsScope.SYSTEM))).isTrue();
    }

    @Test
    void aRegistryIsOfferedOnlyUserNamesWithPasswords() {
        assertThat(CredentialKinds.REGISTRY.matches(credentials(StandardUsernamePasswordCredentials.class, CredentialsScope.GLOBAL))).isTrue();
        assertThat(CredentialKinds.REGISTRY.matches(credentials(StringCredentials.class, CredentialsScope.GLOBAL))).isFalse();
        assertThat(CredentialKinds.REGISTRY.matches(credentials(SSHUserPrivateKey.class, CredentialsScope.GLOBAL))).isFalse();
        assertThat(CredentialKinds.REPOSITORY.matches(credentials(SSHUserPrivateKey.class, CredentialsScope.GLOBAL))).isTrue();
    }
}
