package io.jenkins.plugins.gitopspromotion.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback that stands between a Git client and a real Git server (the JGit HTTP server or
 * {@code git daemon}) and breaks the traffic on purpose: it cuts a push off half-way through its pack, loses
 * the server's answer to a push that landed, truncates answers, or slows every packet down.
 *
 * <p>A fault is armed for the next request whose bytes contain a marker (see {@link #PUSH_OVER_HTTP} and the
 * others), found anywhere in a connection's client-to-server stream, so that HTTP keep-alive connections that
 * carry several requests are handled too; each queued fault applies once.
 *
 * <p>Hand-written on plain sockets: Toxiproxy needs a server of its own and WireMock speaks only HTTP, while
 * these faults must hit {@code git://} as well, at byte positions inside a Git pack.
 */
public final class FaultyProxy implements AutoCloseable {

    /** A push over smart HTTP: {@code POST …/git-receive-pack}. */
    public static final String PUSH_OVER_HTTP = "/git-receive-pack HTTP";
    /** A fetch over smart HTTP: {@code POST …/git-upload-pack}. */
    public static final String FETCH_OVER_HTTP = "/git-upload-pack HTTP";
    /** A push over {@code git://}: the daemon request {@code git-receive-pack /NAME.git}. */
    public static final String PUSH_OVER_DAEMON = "git-receive-pack /";
    /** A fetch over {@code git://}: the daemon request {@code git-upload-pack /NAME.git}. */
    public static final String FETCH_OVER_DAEMON = "git-upload-pack /";

    private static final byte[] PACK = "PACK".getBytes(StandardCharsets.US_ASCII);
    /** How long the server must stay silent after it began answering before a lost answer counts as complete. */
    private static final int QUIET_MILLIS = 500;

    /** What to do to the request a marker found. */
    public sealed interface Fault {
        /** The marker that arms the fault. */
        String marker();
    }

    /** Passes the request up to {@code bytes} bytes into its Git pack, then drops both connections. */
    public record CutPack(String marker, int bytes) implements Fault {
    }

    /**
     * Passes the whole request, lets the server carry it out and answer, and drops the answer from the moment
     * the request's Git pack began (so a ref advertisement before it still gets through): the client sees its
     * connection closed without a word, though the push took effect.
     */
    public record LoseAnswer(String marker) implements Fault {
    }

    /** Passes the request, then only the first {@code bytes} bytes of the answer, then drops both connections. */
    public record TruncateAnswer(String marker, int bytes) implements Fault {
    }

    private final ServerSocket listener;
    private final int targetPort;
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger faultsApplied = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean closed;

    private FaultyProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    /**
     * Starts a proxy on a free loopback port that forwards to {@code 127.0.0.1:targetPort}.
     *
     * @throws IOException if no port can be bound
     */
    public static FaultyProxy start(int targetPort) throws IOException {
        FaultyProxy proxy = new FaultyProxy(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")), targetPort);
        Thread acceptor = new Thread(proxy::acceptLoop, "faulty-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    /** The port the proxy listens on, on 127.0.0.1. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Queues a fault for the next request its marker finds. */
    public void next(Fault fault) {
        faults.add(fault);
    }

    /** Delays every chunk of data, in both directions, by {@code delay} (zero: none). */
    public void delayEachChunk(Duration delay) {
        this.delay = delay;
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Queued faults that found their request and were carried out. */
    public int faultsApplied() {
        return faultsApplied.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                Socket server = new Socket();
                server.connect(new InetSocketAddress("127.0.0.1", targetPort), 5_000);
                new Connection(client, server).start();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** One client connection and its connection to the server, with a pump each way. */
    private final class Connection {
        private final Socket client;
        private final Socket server;
        /** The fault armed on this connection by a marker, or null. */
        private volatile Fault armed;
        /** Whether the armed request's Git pack has begun. */
        private volatile boolean inPack;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
            sockets.add(client);
            sockets.add(server);
        }

        void start() {
            daemon(this::upstream, "faulty-proxy-up");
            daemon(this::downstream, "faulty-proxy-down");
        }

        private void daemon(Runnable pump, String name) {
            Thread thread = new Thread(pump, name);
            thread.setDaemon(true);
            thread.start();
        }

        /** Client to server: looks for markers, arms faults, cuts packs. */
        private void upstream() {
            byte[] buffer = new byte[8192];
            Matcher marker = null;
            Matcher pack = null;
            int packBytesLeft = -1;
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    pause();
                    if (armed == null && marker == null && !faults.isEmpty()) {
                        marker = new Matcher(faults.peek().marker().getBytes(StandardCharsets.US_ASCII));
                    }
                    if (marker != null && marker.find(buffer, n) >= 0) {
                        Fault fault = faults.poll();
                        marker = null;
                        if (fault != null) {
                            armed = fault;
                            faultsApplied.incrementAndGet();
                            pack = new Matcher(PACK);
                        }
                    }
                    if (pack != null && !inPack) {
                        int end = pack.find(buffer, n);
                        inPack = end >= 0;
                        if (inPack && armed instanceof CutPack cut) {
                            packBytesLeft = cut.bytes();
                            int pass = Math.min(n, end + packBytesLeft);
                            out.write(buffer, 0, pass);
                            out.flush();
                            packBytesLeft -= pass - end;
                            if (packBytesLeft <= 0) {
                                drop();
                                return;
                            }
                            continue;
                        }
                    } else if (packBytesLeft >= 0) {
                        int pass = Math.min(n, packBytesLeft);
                        out.write(buffer, 0, pass);
                        out.flush();
                        packBytesLeft -= pass;
                        if (packBytesLeft <= 0) {
                            drop();
                            return;
                        }
                        continue;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
                server.shutdownOutput();
            } catch (IOException e) {
                drop();
            }
        }

        /** Server to client: truncates or swallows answers to armed requests. */
        private void downstream() {
            byte[] buffer = new byte[8192];
            long passed = 0;
            try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    pause();
                    Fault fault = armed;
                    if (fault instanceof LoseAnswer && inPack) {
                        swallowUntilQuiet(in, buffer);
                        drop();
                        return;
                    }
                    if (fault instanceof TruncateAnswer truncate) {
                        int pass = (int) Math.max(0, Math.min(n, truncate.bytes() - passed));
                        out.write(buffer, 0, pass);
                        out.flush();
                        passed += pass;
                        if (passed >= truncate.bytes()) {
                            drop();
                            return;
                        }
                        continue;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
                client.shutdownOutput();
            } catch (IOException e) {
                drop();
            }
        }

        /** Reads the rest of the server's answer, so that the server finishes its work, and throws it away. */
        private void swallowUntilQuiet(InputStream in, byte[] buffer) throws IOException {
            server.setSoTimeout(QUIET_MILLIS);
            try {
                while (in.read(buffer) != -1) {
                    // discarded: the client must never hear the answer
                }
            } catch (SocketTimeoutException quiet) {
                // the server said all it had to say
            }
        }

        private void drop() {
            close(client);
            close(server);
        }
    }

    private void pause() {
        Duration d = delay;
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
        sockets.remove(socket);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Socket socket : sockets) {
            close(socket);
        }
    }

    /** Finds a byte sequence in a stream read chunk by chunk, across chunk boundaries. */
    private static final class Matcher {
        private final byte[] pattern;
        private int matched;

        Matcher(byte[] pattern) {
            this.pattern = pattern;
        }

        /** @return the index just after the match in this chunk, or -1 */
        int find(byte[] chunk, int length) {
            for (int i = 0; i < length; i++) {
                // A naive restart is enough: the patterns here do not overlap themselves.
                matched = chunk[i] == pattern[matched] ? matched + 1 : chunk[i] == pattern[0] ? 1 : 0;
                if (matched == pattern.length) {
                    matched = 0;
                    return i + 1;
                }
            }
            return -1;
        }
    }
}
