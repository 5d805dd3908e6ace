package io.jenkins.plugins.gitopspromotion.cli;

/**
 * Lets the CLI log in to a proxy for HTTPS tunnels as curl and git do. The JDK leaves Basic out of a tunnel's
 * {@code CONNECT} unless {@value #PROPERTY} is cleared, so a user whose {@code https_proxy} carries a login would get a
 * 407 for every HTTPS host, with nothing wrong in what they gave. Only the proxy's own login is offered (each connection
 * has an authenticator of its own, and the CLI sets no default one), so no other credential can reach a proxy. Set at
 * the start of the CLI's own process, before any HTTP class reads it; a value the user set is kept. Inside Jenkins the
 * JVM is not ours to change: there the administrator sets it, as for Jenkins' own connections.
 */
final class TunnelLogin {

    /** The JDK's system property listing the authentication schemes it will not use for HTTPS tunnels. */
    static final String PROPERTY = "jdk.http.auth.tunneling.disabledSchemes";

    private TunnelLogin() {
    }

    /** Allows Basic for tunnels unless the property is set already. */
    static void allowUnlessSet() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "");
        }
    }
}
