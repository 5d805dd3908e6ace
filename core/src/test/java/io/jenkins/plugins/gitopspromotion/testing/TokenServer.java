package io.jenkins.plugins.gitopspromotion.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A registry token service on loopback, as the distribution spec's token authentication describes it: a client
 * with the right Basic credentials gets a JWT (RS256, the signing certificate in the {@code x5c} header) granting
 * the scopes it asked for; anyone else gets 401. The registry trusts it through {@code rootcertbundle}.
 */
public final class TokenServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The issuer the registry expects in tokens. */
    public static final String ISSUER = "test-token-issuer";

    private final HttpServer server;
    private final SelfSignedCertificate signing;
    private final String user;
    private final String password;
    private final List<String> scopesRequested = new ArrayList<>();

    private TokenServer(SelfSignedCertificate signing, String user, String password) throws IOException {
        this.signing = signing;
        this.user = user;
        this.password = password;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/token", this::token);
        server.start();
    }

    /** Starts a token service granting tokens to {@code user} with {@code password}. */
    public static TokenServer start(String user, String password) throws IOException, GeneralSecurityException {
        return new TokenServer(SelfSignedCertificate.create("registry token signer"), user, password);
    }

    /** The realm, {@code http://127.0.0.1:PORT/token}. */
    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** The signing certificate: the registry's {@code rootcertbundle}. */
    public SelfSignedCertificate signing() {
        return signing;
    }

    /** The scopes asked for so far, in order. */
    public synchronized List<String> scopesRequested() {
        return List.copyOf(scopesRequested);
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI());
            synchronized (this) {
                scopesRequested.add(query.getOrDefault("scope", ""));
            }
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            byte[] body = JSON.writeValueAsBytes(Map.of("token", jwt(query.get("service"), query.get("scope"))));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private String jwt(String service, String scope) throws GeneralSecurityException, IOException {
        Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT",
                "x5c", List.of(Base64.getEncoder().encodeToString(signing.certificate().getEncoded())));
        long now = System.currentTimeMillis() / 1000;
        List<Map<String, Object>> access = new ArrayList<>();
        if (scope != null && !scope.isEmpty()) {
            String[] parts = scope.split(":");
            access.add(Map.of("type", parts[0], "name", parts[1], "actions", List.of(parts[2].split(","))));
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", user);
        claims.put("aud", service);
        claims.put("exp", now + 300);
        claims.put("nbf", now - 60);
        claims.put("iat", now);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("access", access);
        String signed = base64Url(JSON.writeValueAsBytes(header)) + "." + base64Url(JSON.writeValueAsBytes(claims));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(signing.keyPair().getPrivate());
        signature.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + base64Url(signature.sign());
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                values.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
