package io.jenkins.plugins.gitopspromotion.cli;

import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Who may use {@code serve}: whoever holds the secret it printed, as notebook servers do it. Every local process can
 * connect to 127.0.0.1, and the view acts with the Git credentials of the user who started it; so the secret comes
 * in the URL printed once ({@code /?token=…}), is traded for a cookie the browser keeps ({@code HttpOnly},
 * {@code SameSite=Strict}, named by port: cookies are shared by all ports of a host), and every request (the page,
 * its files, the endpoints) must carry one or the other.
 */
final class ViewAccess {

    private static final String QUERY = "token=";

    private final String secret;
    private final String cookie;

    private ViewAccess(String secret, int port) {
        this.secret = secret;
        this.cookie = "gitops-promotion-" + port;
    }

    /** A new random secret for a server on {@code port}. */
    static ViewAccess random(int port) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new ViewAccess(Base64.getUrlEncoder().withoutPadding().encodeToString(random), port);
    }

    /** The address that lets a browser in: {@code base} with the secret. */
    URI entry(URI base) {
        return base.resolve("/?" + QUERY + secret);
    }

    /** Whether the request carries the secret in its cookie. */
    boolean hasCookie(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        return headers.stream().flatMap(h -> List.of(h.split(";")).stream()).map(String::strip)
                .filter(c -> c.startsWith(cookie + "=")).anyMatch(c -> matches(c.substring(cookie.length() + 1)));
    }

    /** Whether the request's query is the secret: the printed URL, opened. */
    boolean hasToken(HttpExchange exchange) {
        return Optional.ofNullable(exchange.getRequestURI().getRawQuery()).filter(q -> q.startsWith(QUERY))
                .map(q -> matches(q.substring(QUERY.length()))).orElse(false);
    }

    /** The {@code Set-Cookie} value that keeps the browser in: only for this server, never readable by scripts. */
    String setCookie() {
        return cookie + "=" + secret + "; Path=/; HttpOnly; SameSite=Strict";
    }

    private boolean matches(String sent) {
        return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }
}
