package io.jenkins.plugins.gitopspromotion.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.gitopspromotion.view.PromotionView;
import io.jenkins.plugins.gitopspromotion.view.ViewApi;
import io.jenkins.plugins.gitopspromotion.view.ViewAssets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The promotion view on loopback: the page, its two files and the four endpoints over a {@link PromotionView}.
 *
 * <p>Built on the JDK's own {@code com.sun.net.httpserver}: a handful of routes need no servlet container, and the
 * runnable jar gains no dependency (Jetty is in the tests only).
 *
 * <p>Every local process can connect to 127.0.0.1, and the view acts with its user's Git credentials, so only the
 * holder of the secret {@code serve} printed is let in ({@link ViewAccess}). Any web page the user visits can send
 * requests to localhost, so: the server binds 127.0.0.1 only; it answers only requests whose {@code Host} is this
 * server (a DNS-rebinding page has its own host name); every POST must carry a random per-process token in
 * {@link #TOKEN_HEADER} (the page gets it from its mount element, as it gets Jenkins' crumb), be JSON, and come from no
 * other {@code Origin}; in read-only mode every POST is refused. Every answer carries a
 * {@code Content-Security-Policy} that starts from {@code default-src 'self'}, the policy Jenkins applies, so the
 * page is tested under it.
 *
 * <p>Requests are handled by a few worker threads, and a request not read whole within {@link #REQUEST_SECONDS} (or an
 * answer not taken within {@link #RESPONSE_SECONDS}) has its connection closed, so that a stalled client holds one
 * worker for a while rather than the whole server for ever.
 */
final class ViewServer implements AutoCloseable {

    /** The header a POST carries the token in (the page's crumb header). */
    static final String TOKEN_HEADER = "X-GitOps-Promotion-Token";

    /** The policy every answer carries: no other origin, no frame, no {@code <base>}, forms only to this server. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /** Seconds a client has to send a whole request. */
    static final int REQUEST_SECONDS = 10;
    /** Seconds a client has to take a whole answer. */
    static final int RESPONSE_SECONDS = 60;

    private static final int WORKERS = 8;

    static {
        // The JDK's server reads these once, when its first server is made; only a value the user set is kept.
        setIfAbsent("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
        setIfAbsent("sun.net.httpserver.maxRspTime", RESPONSE_SECONDS);
    }

    private static final Set<String> POSTS = Set.of("/api/promote", "/api/rollback", "/api/release");

    private final ViewApi api;
    private final boolean readOnly;
    private final HttpServer server;
    private final ExecutorService workers;
    private final String token;
    private final ViewAccess access;
    private final Set<String> hosts;

    private ViewServer(PromotionView view, boolean readOnly, HttpServer server, ExecutorService workers, String token) {
        this.api = new ViewApi(view);
        this.readOnly = readOnly;
        this.server = server;
        this.workers = workers;
        this.token = token;
        int port = server.getAddress().getPort();
        this.access = ViewAccess.random(port);
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
    }

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param port the port, 0 for any free one
     * @throws IOException if the port cannot be bound
     */
    static ViewServer start(PromotionView view, int port, boolean readOnly) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, task -> {
            Thread thread = new Thread(task, "gitops-promotion-view");
            thread.setDaemon(true);
            return thread;
        });
        ViewServer viewServer = new ViewServer(view, readOnly, server, workers,
                Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        server.setExecutor(workers);
        server.createContext("/", viewServer::handle);
        server.start();
        return viewServer;
    }

    /**
     * Routes the requests under {@code path} to {@code handler}, past this server's host and token checks: for endpoints
     * that authenticate every request themselves (the deployment hooks).
     */
    void route(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    /** Where the page is; without the secret, it answers 401. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The address to open: the page's, with the secret that lets a browser in. Print it once, to the user only. */
    URI entryUrl() {
        return access.entry(url());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (host == null || !hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
                error(exchange, 403, "this server answers requests for " + url() + " only");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/favicon.ico")) {
                exchange.sendResponseHeaders(204, -1); // browsers ask for it; a 401 would only clutter their console
                return;
            }
            if (!access.hasCookie(exchange)) {
                if ((path.equals("/") || path.equals("/index.html")) && access.hasToken(exchange)) {
                    // Traded for a cookie, and the secret taken out of the address bar and the history.
                    exchange.getResponseHeaders().set("Set-Cookie", access.setCookie());
                    exchange.getResponseHeaders().set("Location", "/");
                    exchange.sendResponseHeaders(303, -1);
                } else {
                    error(exchange, 401, "open the address serve printed when it started (with its token); this server"
                            + " answers only who holds it");
                }
                return;
            }
            if (POSTS.contains(path)) {
                if (!method.equals("POST")) {
                    exchange.getResponseHeaders().set("Allow", "POST");
                    error(exchange, 405, path + " takes POST");
                } else {
                    post(exchange, path);
                }
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                error(exchange, 405, path + " takes GET");
                return;
            }
            get(exchange, path);
        } catch (RuntimeException e) {
            error(exchange, 500, e.getMessage());
        }
    }

    private void get(HttpExchange exchange, String path) throws IOException {
        String file = path.startsWith("/") ? path.substring(1) : path;
        Optional<byte[]> asset = ViewAssets.file(file);
        if (path.equals("/") || path.equals("/index.html")) {
            send(exchange, 200, "text/html; charset=utf-8", ViewAssets.page("", "", TOKEN_HEADER, readOnly ? "" : token, readOnly)
                    .getBytes(StandardCharsets.UTF_8));
        } else if (asset.isPresent()) {
            send(exchange, 200, ViewAssets.STATIC.get(file), asset.get());
        } else if (path.equals("/api/status")) {
            answer(exchange, api.status());
        } else if (path.equals("/api/history")) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            answer(exchange, api.history(query.get("app"), query.get("env")));
        } else {
            error(exchange, 404, "nothing at " + path);
        }
    }

    private void post(HttpExchange exchange, String path) throws IOException {
        if (readOnly) {
            error(exchange, 403, "this view is read-only (serve --read-only)");
            return;
        }
        String sent = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            error(exchange, 403, "a POST needs the page's token in " + TOKEN_HEADER);
            return;
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && !hosts.contains(origin.replaceFirst("^http://", "").toLowerCase(java.util.Locale.ROOT))) {
            error(exchange, 403, "a POST from another origin is refused");
            return;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            error(exchange, 415, "a POST takes application/json");
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(ViewApi.MAX_BODY + 1);
        }
        answer(exchange, switch (path) {
            case "/api/promote" -> api.promote(body);
            case "/api/rollback" -> api.rollback(body);
            default -> api.release(body);
        });
    }

    private static void answer(HttpExchange exchange, ViewApi.Answer answer) throws IOException {
        send(exchange, answer.status(), "application/json", answer.json().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        answer(exchange, ViewApi.Answer.error(status, message));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private static void setIfAbsent(String property, int seconds) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(seconds));
        }
    }
}
