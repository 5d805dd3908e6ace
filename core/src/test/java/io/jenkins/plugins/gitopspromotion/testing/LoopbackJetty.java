package io.jenkins.plugins.gitopspromotion.testing;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** What the tests' Jetty servers share: a free port on 127.0.0.1, no graceful stop, and a clean start. */
final class LoopbackJetty {

    /** Sets a server up and starts it. */
    @FunctionalInterface
    interface Start {
        void run() throws Exception;
    }

    private LoopbackJetty() {
    }

    /**
     * A server listening on a free loopback port once started. No graceful stop: clients keep idle connections alive,
     * and waiting for them only slows tests down.
     */
    static Server server() {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setStopTimeout(0);
        return server;
    }

    /** The port a started server listens on. */
    static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** {@code owner}, once {@code start} ran; closed again if it failed, so that nothing is left listening. */
    static <T extends AutoCloseable> T started(T owner, Start start) throws Exception {
        try {
            start.run();
            return owner;
        } catch (Exception e) {
            owner.close();
            throw e;
        }
    }
}
