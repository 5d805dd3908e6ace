package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;

import org.jenkinsci.plugins.gitclient.GitHostKeyVerificationConfiguration;
import org.jenkinsci.plugins.gitclient.verifier.SshHostKeyVerificationStrategy;
import org.mockito.MockedStatic;

/**
 * git-client's Git Host Key Verification Configuration as a test sets it, the way an administrator chooses a strategy:
 * its {@code get()} is static, so it is mocked until {@link #close()}.
 */
final class HostKeyVerificationSetting implements AutoCloseable {

    private final GitHostKeyVerificationConfiguration configuration = mock(GitHostKeyVerificationConfiguration.class);
    private final MockedStatic<GitHostKeyVerificationConfiguration> mocked = mockStatic(GitHostKeyVerificationConfiguration.class);

    private HostKeyVerificationSetting() {
        mocked.when(GitHostKeyVerificationConfiguration::get).thenReturn(configuration);
    }

    /** The setting, with {@code strategy} chosen. */
    static HostKeyVerificationSetting of(SshHostKeyVerificationStrategy<?> strategy) {
        HostKeyVerificationSetting setting = new HostKeyVerificationSetting();
        setting.choose(strategy);
        return setting;
    }

    /** Chooses another strategy, as an administrator saving the security page. */
    void choose(SshHostKeyVerificationStrategy<?> strategy) {
        doReturn(strategy).when(configuration).getSshHostKeyVerificationStrategy();
    }

    @Override
    public void close() {
        mocked.close();
    }
}
