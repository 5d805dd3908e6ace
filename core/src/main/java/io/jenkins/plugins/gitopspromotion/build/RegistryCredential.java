package io.jenkins.plugins.gitopspromotion.build;

import java.util.Arrays;

/**
 * A user name and password (or token) for a registry. {@link #toString()} never shows the password.
 *
 * @param username the user name
 * @param password the password or token
 */
public record RegistryCredential(String username, char[] password) {

    /** Copies the password so the caller may wipe its own array. */
    public RegistryCredential {
        if (username == null || username.isEmpty() || username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a registry user name must be non-empty and hold no ':'");
        }
        password = password.clone();
    }

    /** The password, copied. */
    @Override
    public char[] password() {
        return password.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryCredential other && username.equals(other.username) && Arrays.equals(password, other.password);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "RegistryCredential[" + username + ", password hidden]";
    }
}
