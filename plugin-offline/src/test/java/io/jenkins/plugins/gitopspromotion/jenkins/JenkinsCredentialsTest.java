package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.gitopspromotion.promotion.AccessCredentials;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;

/** Which Jenkins credentials become which engine credentials, for a config repository and for a registry. */
class JenkinsCredentialsTest {

    private final Run<?, ?> run = mock(Run.class);
    private final MockedStatic<CredentialsProvider> provider = mockStatic(CredentialsProvider.class);

    @AfterEach
    void close() {
        provider.close();
    }

    private void visible(String id, StandardCredentials credentials) {
        provider.when(() -> CredentialsProvider.findCredentialById(eq(id), eq(StandardCredentials.class), any(Run.class)))
                .thenReturn(credentials);
    }

    private static Secret secret(String text) {
        Secret secret = mock(Secret.class);
        when(secret.getPlainText()).thenReturn(text);
        return secret;
    }

    @Test
    void aRegistryLoginMustNameItsUser() throws Exception {
        Secret tokenText = secret("dckr_pat_0123");
        StringCredentials token = mock(StringCredentials.class);
        when(token.getSecret()).thenReturn(tokenText);
        visible("token", token);
        visible("key", mock(SSHUserPrivateKey.class));
        Secret password = secret("pa55");
        StandardUsernamePasswordCredentials login = mock(StandardUsernamePasswordCredentials.class);
        when(login.getUsername()).thenReturn("robot");
        when(login.getPassword()).thenReturn(password);
        visible("login", login);

        assertThatThrownBy(() -> JenkinsCredentials.registry("token", run)).isInstanceOf(AbortException.class)
                .hasMessage("The registry credentials 'token' must be a username with password (or access token): a registry needs"
                        + " the user name.");
        assertThatThrownBy(() -> JenkinsCredentials.registry("key", run)).hasMessageContaining("must be a username with password");
        assertThatThrownBy(() -> JenkinsCredentials.registry("absent", run)).hasMessage("No credentials with id 'absent' are visible"
                + " to this build.");
        assertThat(JenkinsCredentials.registry("login", run).registryCredential()).hasValueSatisfying(c -> {
            assertThat(c.username()).isEqualTo("robot");
            assertThat(new String(c.password())).isEqualTo("pa55");
        });
        assertThat(JenkinsCredentials.registry(null, run).isNone()).isTrue();
        // A config repository still takes secret text, as a token.
        assertThat(JenkinsCredentials.lookup("token", run).apiToken()).isPresent();
    }

    @Test
    void anSshKeyWithoutPassphraseIsUsedAsIs() throws Exception {
        SSHUserPrivateKey key = mock(SSHUserPrivateKey.class);
        when(key.getPrivateKeys()).thenReturn(List.of("-----BEGIN OPENSSH PRIVATE KEY-----\n…"));
        when(key.getPassphrase()).thenReturn(null);

        AccessCredentials credentials = JenkinsCredentials.translate("deploy-key", key);

        assertThat(credentials.isNone()).isFalse();
        assertThat(credentials.registryCredential()).isEmpty();
    }
}
