package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import hudson.ProxyConfiguration;
import hudson.Util;
import hudson.util.Secret;
import io.jenkins.plugins.gitopspromotion.git.HostKeyPolicy;
import io.jenkins.plugins.gitopspromotion.git.NetworkSettings;
import io.jenkins.plugins.gitopspromotion.net.ProxySettings;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.gitclient.GitHostKeyVerificationConfiguration;
import org.jenkinsci.plugins.gitclient.verifier.AcceptFirstConnectionStrategy;
import org.jenkinsci.plugins.gitclient.verifier.ManuallyProvidedKeyVerificationStrategy;
import org.jenkinsci.plugins.gitclient.verifier.NoHostKeyVerificationStrategy;
import org.jenkinsci.plugins.gitclient.verifier.SshHostKeyVerificationStrategy;

/**
 * How promotions reach Git hosts and their APIs, as Jenkins is configured, the way the Git plugin's own checkouts do:
 * SSH host keys as git-client's Git Host Key Verification Configuration says (Manage Jenkins » Security), HTTP(S)
 * through Jenkins' proxy (Manage Jenkins » System). Read on the controller for each piece of work, so that a changed
 * setting takes effect at once, and handed to agents as plain data ({@link NetworkSettings}).
 */
final class JenkinsNetwork {

    /** The folder under a mirror cache's root where host keys accepted on first connection are recorded. */
    static final String HOST_KEYS = "host-keys";

    /**
     * The system property that names git-client's known hosts file for JGit instead of {@code ~/.ssh/known_hosts}
     * (private upstream, made the same way there), read on the machine that connects as git-client reads it.
     */
    static final String GIT_CLIENT_KNOWN_HOSTS = SshHostKeyVerificationStrategy.class.getName() + ".jgit_known_hosts_file";

    private JenkinsNetwork() {
    }

    /**
     * The settings as configured now; where the host key policy writes is for the machine doing the work to say
     * ({@link NetworkSettings#keptIn}).
     *
     * @throws AbortException if Jenkins' proxy configuration cannot be used
     */
    static NetworkSettings settings() throws AbortException {
        return NetworkSettings.of(hostKeys(GitHostKeyVerificationConfiguration.get().getSshHostKeyVerificationStrategy()),
                proxy(Jenkins.get().getProxy()));
    }

    /**
     * git-client's strategy as a host key policy, with the user's known hosts file where git-client's JGit finds it. A
     * strategy another plugin adds is taken as the strictest of them, the user's own known hosts file: better a refused
     * connection than a trusted stranger.
     */
    static HostKeyPolicy hostKeys(SshHostKeyVerificationStrategy<?> strategy) {
        if (strategy instanceof NoHostKeyVerificationStrategy) {
            return HostKeyPolicy.off();
        }
        if (strategy instanceof AcceptFirstConnectionStrategy) {
            return HostKeyPolicy.acceptNew().usersFileFrom(GIT_CLIENT_KNOWN_HOSTS);
        }
        if (strategy instanceof ManuallyProvidedKeyVerificationStrategy manual) {
            return HostKeyPolicy.approvedKeys(Optional.ofNullable(manual.getApprovedHostKeys()).orElse(""));
        }
        return HostKeyPolicy.usersKnownHosts().usersFileFrom(GIT_CLIENT_KNOWN_HOSTS);
    }

    /**
     * Jenkins' proxy, with its login and the hosts it is not for; empty when none is configured (the Java runtime's own
     * settings then apply, as they do to Jenkins' own connections).
     *
     * @throws AbortException if the proxy's port is not one
     */
    static Optional<ProxySettings> proxy(ProxyConfiguration configuration) throws AbortException {
        if (configuration == null || Util.fixEmptyAndTrim(configuration.getName()) == null) {
            return Optional.empty();
        }
        try {
            ProxySettings proxy = ProxySettings.of(configuration.getName(), configuration.getPort())
                    .bypassing(configuration.getNoProxyHost());
            String user = Util.fixEmptyAndTrim(configuration.getUserName());
            if (user == null) {
                return Optional.of(proxy);
            }
            Secret password = configuration.getSecretPassword();
            return Optional.of(proxy.withCredentials(user, password == null ? new char[0] : password.getPlainText().toCharArray()));
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.JenkinsNetwork_BadProxy(e.getMessage()));
        }
    }
}
