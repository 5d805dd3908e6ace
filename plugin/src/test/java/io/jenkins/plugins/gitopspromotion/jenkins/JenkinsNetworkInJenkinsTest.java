package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ProxyConfiguration;
import io.jenkins.plugins.gitopspromotion.git.HostKeyPolicy;
import io.jenkins.plugins.gitopspromotion.git.NetworkSettings;
import io.jenkins.plugins.gitopspromotion.net.ProxySettings;
import java.util.Optional;
import org.jenkinsci.plugins.gitclient.GitHostKeyVerificationConfiguration;
import org.jenkinsci.plugins.gitclient.verifier.AcceptFirstConnectionStrategy;
import org.jenkinsci.plugins.gitclient.verifier.ManuallyProvidedKeyVerificationStrategy;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The settings the plugin reads from a real Jenkins: git-client's host key verification and Jenkins' proxy. */
@WithJenkins
class JenkinsNetworkInJenkinsTest {

    @Test
    void gitClientsStrategyAndJenkinsProxyAreReadAsSaved(JenkinsRule j) throws Exception {
        // git-client's default in a test Jenkins (Main.isUnitTest) is no verification; outside tests, the known hosts file.
        assertThat(JenkinsNetwork.settings()).isEqualTo(NetworkSettings.of(HostKeyPolicy.off(), Optional.empty()));

        GitHostKeyVerificationConfiguration.get().setSshHostKeyVerificationStrategy(new AcceptFirstConnectionStrategy());
        ProxyConfiguration proxy = new ProxyConfiguration("proxy.example.com", 3128, "builder", "pw", "*.internal.example.com");
        j.jenkins.setProxy(proxy);

        assertThat(JenkinsNetwork.settings()).isEqualTo(NetworkSettings.of(HostKeyPolicy.acceptNew(), Optional.of(
                ProxySettings.of("proxy.example.com", 3128).withCredentials("builder", "pw".toCharArray())
                        .bypassing("*.internal.example.com"))));

        GitHostKeyVerificationConfiguration.get().setSshHostKeyVerificationStrategy(
                new ManuallyProvidedKeyVerificationStrategy("github.com ssh-ed25519 AAAA"));
        assertThat(ControllerWork.network().hostKeys())
                .isEqualTo(HostKeyPolicy.approvedKeys("github.com ssh-ed25519 AAAA").keptIn(ControllerWork.cacheRoot().resolve("host-keys")));
    }
}
