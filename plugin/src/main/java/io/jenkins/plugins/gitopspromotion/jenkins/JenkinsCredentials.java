package io.jenkins.plugins.gitopspromotion.jenkins;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import hudson.model.Run;
import hudson.security.ACL;
import jenkins.model.Jenkins;
import hudson.util.Secret;
import io.jenkins.plugins.gitopspromotion.promotion.AccessCredentials;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The Jenkins credentials a config repository or registry may use, and their translation into the engine's
 * {@link AccessCredentials}: username with password or token, secret text (a token, user {@code git}), or an SSH
 * private key.
 */
final class JenkinsCredentials {

    /** The user name going with a secret-text token over HTTPS; hosting providers ignore it. */
    private static final String TOKEN_USER = "git";

    private JenkinsCredentials() {
    }

    /**
     * Looks the credentials up as the build may see them (usage is tracked) and translates them.
     *
     * @param credentialsId the id, or {@code null} for none
     * @throws AbortException if there is no such credential visible to the build, or it is of another kind
     */
    static AccessCredentials lookup(String credentialsId, Run<?, ?> run) throws AbortException {
        if (credentialsId == null) {
            return AccessCredentials.none();
        }
        return translate(credentialsId, CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class, run));
    }

    /**
     * Looks a registry login up as the build may see them (usage is tracked).
     *
     * @param credentialsId the id, or {@code null} for none (anonymous pushes and pulls)
     * @throws AbortException if there is no such credential visible to the build, or it is not a user name with a
     *     password
     */
    static AccessCredentials registry(String credentialsId, Run<?, ?> run) throws AbortException {
        if (credentialsId == null) {
            return AccessCredentials.none();
        }
        StandardCredentials credentials = CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class, run);
        if (credentials == null) {
            throw new AbortException(Messages.JenkinsCredentials_NotFound(credentialsId));
        }
        if (!(credentials instanceof StandardUsernamePasswordCredentials)) {
            throw new AbortException(Messages.JenkinsCredentials_RegistryNeedsUser(credentialsId));
        }
        return translate(credentialsId, credentials);
    }

    /**
     * Credentials as Jenkins itself sees them in its global store (the promotion view, the configuration form): SYSTEM
     * scoped ones included, which no build sees.
     *
     * @return null when there are none with that id
     */
    static StandardCredentials findAsJenkins(String credentialsId) {
        return CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(credentialsId));
    }

    /**
     * Translates credentials found elsewhere (by the promotion view, as Jenkins itself).
     *
     * @param credentials what was found for {@code credentialsId}, or null
     * @throws AbortException if nothing was found, or it is of another kind
     */
    static AccessCredentials translate(String credentialsId, StandardCredentials credentials) throws AbortException {
        if (credentials == null) {
            throw new AbortException(Messages.JenkinsCredentials_NotFound(credentialsId));
        }
        if (credentials instanceof StandardUsernamePasswordCredentials password) {
            return AccessCredentials.password(password.getUsername(), password.getPassword().getPlainText().toCharArray());
        }
        if (credentials instanceof StringCredentials token) {
            return AccessCredentials.password(TOKEN_USER, token.getSecret().getPlainText().toCharArray());
        }
        if (credentials instanceof SSHUserPrivateKey key) {
            List<String> keys = key.getPrivateKeys();
            if (keys.isEmpty()) {
                throw new AbortException(Messages.JenkinsCredentials_NoKey(credentialsId));
            }
            Secret passphrase = key.getPassphrase();
            return AccessCredentials.sshKey(keys.get(0), passphrase == null ? null : passphrase.getPlainText().toCharArray());
        }
        throw new AbortException(Messages.JenkinsCredentials_Unsupported(credentialsId));
    }
}
