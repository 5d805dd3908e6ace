package io.jenkins.plugins.gitopspromotion.build;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Asks a registry, over the distribution API, which manifest digest a tag points at: {@code HEAD} (else
 * {@code GET}) {@code /v2/NAME/manifests/TAG} accepting OCI and Docker manifests and indexes; the digest is
 * {@code Docker-Content-Digest}, or the SHA-256 of the manifest when the registry sends none. A 401 is answered
 * as its {@code WWW-Authenticate} challenge asks: Basic with the credential, or Bearer with a token fetched
 * from the challenge's realm.
 */
public final class RegistryClient {

    /** The manifest media types asked for: an index first, so a multi-platform tag resolves to its index. */
    static final String ACCEPT = String.join(", ",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final RegistryTls tls;
    private final HttpClient http;

    /** A client reaching registries as {@code tls} says. */
    public RegistryClient(RegistryTls tls) throws IOException {
        this.tls = tls;
        this.http = HttpClient.newBuilder()
                .sslContext(tls.sslContext())
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * The digest of {@code image}'s tag as the registry serves it.
     *
     * @param image a reference with a registry and a tag
     * @param auth the credentials, if the registry wants some
     * @throws RegistryAccessException if the registry refuses, has no such tag, or cannot be reached
     */
    public Digest resolveDigest(ImageReference image, RegistryAuth auth) throws IOException, InterruptedException {
        String registry = image.registry().orElseThrow(() -> new IllegalArgumentException("the image " + image
                + " names no registry; write it in full, e.g. registry.example.com/team/app"));
        String tag = image.tag().orElseThrow(() -> new IllegalArgumentException("the image " + image + " has no tag to resolve"));
        Optional<RegistryCredential> credential = auth.credentialFor(registry);
        String path = "/v2/" + image.repository() + "/manifests/" + tag;
        URI uri = reachable(registry, path);

        HttpResponse<byte[]> response = send(manifestRequest(uri, "HEAD", null), registry);
        if (response.statusCode() == 401) {
            String authorization = authorization(response, registry, image.repository(), credential);
            response = send(manifestRequest(uri, "HEAD", authorization), registry);
            if (response.statusCode() == 405 || (response.statusCode() == 200 && digestHeader(response).isEmpty())) {
                response = send(manifestRequest(uri, "GET", authorization), registry);
            }
        } else if (response.statusCode() == 405 || (response.statusCode() == 200 && digestHeader(response).isEmpty())) {
            response = send(manifestRequest(uri, "GET", null), registry);
        }
        return digestOf(response, registry, image, credential.isPresent());
    }

    /**
     * The registry's base URI: HTTPS, or when insecure and HTTPS cannot be spoken there, plain HTTP (as docker
     * treats an insecure registry).
     */
    private URI reachable(String registry, String path) throws IOException, InterruptedException {
        URI https = URI.create("https://" + registry + path);
        if (!tls.insecure()) {
            return https;
        }
        try {
            http.send(HttpRequest.newBuilder(URI.create("https://" + registry + "/v2/")).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return https;
        } catch (SSLException e) {
            return URI.create("http://" + registry + path);
        } catch (IOException e) {
            if (e.getCause() instanceof SSLException) {
                return URI.create("http://" + registry + path);
            }
            throw unreachable(registry, e);
        }
    }

    private static HttpRequest manifestRequest(URI uri, String method, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", ACCEPT)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private HttpResponse<byte[]> send(HttpRequest request, String registry) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unreachable(registry, e);
        }
    }

    private static RegistryAccessException unreachable(String registry, IOException e) {
        return new RegistryAccessException(RegistryAccessException.Reason.FAILED, "the registry " + registry
                + " cannot be reached: " + e, e);
    }

    /** The Authorization header value the challenge asks for. */
    private String authorization(HttpResponse<?> challenged, String registry, String repository,
            Optional<RegistryCredential> credential) throws IOException, InterruptedException {
        AuthChallenge challenge = challenged.headers().firstValue("WWW-Authenticate").flatMap(AuthChallenge::parse)
                .orElseThrow(() -> new RegistryAccessException(RegistryAccessException.Reason.UNAUTHORIZED, "the registry "
                        + registry + " asks for authentication but sends no challenge (WWW-Authenticate) to answer", null));
        switch (challenge.scheme()) {
            case "basic":
                RegistryCredential basic = credential.orElseThrow(() -> refused(registry, false));
                return "Basic " + RegistryAuth.basic(basic);
            case "bearer":
                return "Bearer " + token(challenge, registry, repository, credential);
            default:
                throw new RegistryAccessException(RegistryAccessException.Reason.UNAUTHORIZED, "the registry " + registry
                        + " asks for the unsupported authentication scheme " + challenge.scheme(), null);
        }
    }

    private String token(AuthChallenge challenge, String registry, String repository, Optional<RegistryCredential> credential)
            throws IOException, InterruptedException {
        String realm = challenge.parameter("realm").orElseThrow(() -> new RegistryAccessException(
                RegistryAccessException.Reason.UNAUTHORIZED, "the registry " + registry + " sent a Bearer challenge without a realm", null));
        StringBuilder query = new StringBuilder();
        challenge.parameter("service").ifPresent(s -> query.append("service=").append(encode(s)));
        String scope = challenge.parameter("scope").orElse("repository:" + repository + ":pull");
        query.append(query.length() == 0 ? "" : "&").append("scope=").append(encode(scope));
        URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
        credential.ifPresent(c -> request.header("Authorization", "Basic " + RegistryAuth.basic(c)));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RegistryAccessException(RegistryAccessException.Reason.FAILED, "the token service " + uri.getHost()
                    + " of the registry " + registry + " cannot be reached: " + e, e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new RegistryAccessException(RegistryAccessException.Reason.UNAUTHORIZED, "the token service " + uri.getHost()
                    + " of the registry " + registry + " refused " + (credential.isPresent() ? "the credentials given"
                    : "an anonymous request (give registry credentials)") + " (HTTP " + response.statusCode() + ")", null);
        }
        JsonNode body = response.statusCode() == 200 ? Json.mapper().readTree(response.body()) : null;
        String token = body == null ? "" : body.path("token").asText(body.path("access_token").asText(""));
        if (token.isEmpty()) {
            throw new RegistryAccessException(RegistryAccessException.Reason.FAILED, "the token service " + uri.getHost()
                    + " of the registry " + registry + " gave no token (HTTP " + response.statusCode() + ")", null);
        }
        return token;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static RegistryAccessException refused(String registry, boolean credentialsGiven) {
        return new RegistryAccessException(RegistryAccessException.Reason.UNAUTHORIZED, "the registry " + registry + " refused "
                + (credentialsGiven ? "the credentials given" : "an anonymous request (give registry credentials)"), null);
    }

    private static Optional<String> digestHeader(HttpResponse<?> response) {
        return response.headers().firstValue("Docker-Content-Digest");
    }

    private static Digest digestOf(HttpResponse<byte[]> response, String registry, ImageReference image, boolean credentialsGiven)
            throws RegistryAccessException {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw refused(registry, credentialsGiven);
        }
        if (status == 404) {
            throw new RegistryAccessException(RegistryAccessException.Reason.NOT_FOUND, "the registry " + registry
                    + " has no tag " + image.tag().orElseThrow() + " of " + image.repository(), null);
        }
        if (status != 200) {
            throw new RegistryAccessException(RegistryAccessException.Reason.FAILED, "the registry " + registry
                    + " answered HTTP " + status + " for " + image, null);
        }
        Optional<String> header = digestHeader(response);
        try {
            if (header.isPresent()) {
                return Digest.parse(header.get().strip());
            }
            return Digest.parse("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(response.body())));
        } catch (IllegalArgumentException e) {
            throw new RegistryAccessException(RegistryAccessException.Reason.FAILED, "the registry " + registry
                    + " sent an invalid Docker-Content-Digest: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
