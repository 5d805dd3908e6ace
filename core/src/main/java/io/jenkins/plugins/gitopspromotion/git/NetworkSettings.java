package io.jenkins.plugins.gitopspromotion.git;

import io.jenkins.plugins.gitopspromotion.net.ProxySettings;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a machine reaches Git hosts and their APIs: which SSH servers it trusts, and the HTTP proxy, if any. Plain,
 * serializable data: a front end takes it from its configuration and hands it to the machine doing the work.
 */
public final class NetworkSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final NetworkSettings DEFAULTS = new NetworkSettings(HostKeyPolicy.usersKnownHosts(), null);

    private final HostKeyPolicy hostKeys;
    /** Null: the Java runtime's own proxy settings ({@code https.proxyHost} and the like). */
    private final ProxySettings proxy;

    private NetworkSettings(HostKeyPolicy hostKeys, ProxySettings proxy) {
        this.hostKeys = Objects.requireNonNull(hostKeys, "hostKeys");
        this.proxy = proxy;
    }

    /** The connecting user's {@code ~/.ssh/known_hosts}, and the Java runtime's proxy settings. */
    public static NetworkSettings defaults() {
        return DEFAULTS;
    }

    /**
     * @param hostKeys which SSH servers are trusted
     * @param proxy the HTTP proxy; empty for the Java runtime's own settings
     */
    public static NetworkSettings of(HostKeyPolicy hostKeys, Optional<ProxySettings> proxy) {
        return new NetworkSettings(hostKeys, proxy.orElse(null));
    }

    /** Which SSH servers are trusted. */
    public HostKeyPolicy hostKeys() {
        return hostKeys;
    }

    /** The HTTP proxy; empty for the Java runtime's own settings. */
    public Optional<ProxySettings> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** The same settings, the host key policy writing into {@code folder} ({@link HostKeyPolicy#keptIn(Path)}). */
    public NetworkSettings keptIn(Path folder) {
        return new NetworkSettings(hostKeys.keptIn(folder), proxy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NetworkSettings that && hostKeys.equals(that.hostKeys) && Objects.equals(proxy, that.proxy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostKeys, proxy);
    }

    @Override
    public String toString() {
        return hostKeys + ", " + (proxy == null ? "the runtime's proxy settings" : proxy);
    }
}
