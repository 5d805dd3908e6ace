package io.jenkins.plugins.gitopspromotion.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.jenkins.plugins.gitopspromotion.deploy.HookReceiver;
import io.jenkins.plugins.gitopspromotion.deploy.ReportSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code POST /hooks/flux}, {@code /hooks/argocd} and {@code /hooks/generic} of {@code serve}: the raw body and the
 * headers go to a {@link HookReceiver}, which authenticates every request itself (HMAC or bearer token), so these
 * routes are outside the page's checks (host name, page token): an agent reaches them through a proxy or tunnel under
 * its own host name, and no page can forge a signed body.
 */
final class HookEndpoints implements HttpHandler {

    /** Where the hooks are. */
    static final String PATH = "/hooks/";

    private static final Map<String, ReportSource> SOURCES = Map.of("flux", ReportSource.FLUX, "argocd", ReportSource.ARGOCD,
            "generic", ReportSource.GENERIC);

    private final HookReceiver receiver;

    HookEndpoints(HookReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            String path = exchange.getRequestURI().getPath();
            ReportSource source = SOURCES.get(path.substring(PATH.length()));
            if (source == null) {
                send(exchange, HookReceiver.Answer.error(404, "no hook at " + path + "; the hooks are " + PATH + "flux, " + PATH
                        + "argocd and " + PATH + "generic"));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                send(exchange, HookReceiver.Answer.error(405, path + " takes POST"));
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(HookReceiver.MAX_BODY + 1); // enough to tell it is too large, never more
            }
            send(exchange, receiver.receive(source, body, exchange.getRequestHeaders()::getFirst));
        }
    }

    private static void send(HttpExchange exchange, HookReceiver.Answer answer) throws IOException {
        byte[] json = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }
}
