package io.jenkins.plugins.gitopspromotion.jenkins;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** The credentials a field may take, as its dropdown offers them. */
final class CredentialKinds implements CredentialsMatcher {

    private static final long serialVersionUID = 1L;

    /** A config repository's: username with password or token, secret text (a token), or an SSH key. */
    static final CredentialKinds REPOSITORY = new CredentialKinds(
            List.of(StandardUsernamePasswordCredentials.class, StringCredentials.class, SSHUserPrivateKey.class), false);

    /**
     * A registered repository's, which builds look up: not SYSTEM-scoped ones, which only Jenkins itself may use and
     * no build can see.
     */
    static final CredentialKinds REPOSITORY_FOR_BUILDS = new CredentialKinds(REPOSITORY.kinds, true);

    /**
     * A registry login: a user name with a password or token. A registry needs the user name (Docker Hub and others
     * refuse a token under another name), so neither secret text nor an SSH key will do.
     */
    static final CredentialKinds REGISTRY = new CredentialKinds(List.of(StandardUsernamePasswordCredentials.class), false);

    /** A deployment hooks' key: secret text, which the receivers compare (HMAC key, bearer token). */
    static final CredentialKinds HOOK_KEY = new CredentialKinds(List.of(StringCredentials.class), false);

    private final List<Class<? extends Credentials>> kinds;
    private final boolean visibleToBuilds;

    private CredentialKinds(List<Class<? extends Credentials>> kinds, boolean visibleToBuilds) {
        this.kinds = List.copyOf(kinds);
        this.visibleToBuilds = visibleToBuilds;
    }

    @Override
    public boolean matches(@NonNull Credentials credentials) {
        return kinds.stream().anyMatch(kind -> kind.isInstance(credentials))
                && !(visibleToBuilds && credentials.getScope() == CredentialsScope.SYSTEM);
    }
}
