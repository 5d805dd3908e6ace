package io.jenkins.plugins.gitopspromotion.pr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.jenkins.plugins.gitopspromotion.json.Json;
import io.jenkins.plugins.gitopspromotion.net.ProxySettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * JSON over HTTPS to one provider's REST API, with what every provider needs: the token in the Authorization
 * header (and nowhere else), rate limits and outages waited out ({@code Retry-After}, the rate-limit reset
 * headers, backoff for 5xx) within a {@link RetryPolicy}, and failures turned into messages that say what to
 * do. A request that may have taken effect (a POST that got a 5xx, or no answer) is not repeated blindly: the
 * caller decides, since only it knows how to check. The token only goes to the API's own scheme, host and port:
 * a next-page link elsewhere is refused.
 */
public final class ApiClient {

    private static final Set<String> IDEMPOTENT = Set.of("GET", "PUT", "PATCH", "DELETE", "HEAD");

    /** Redirects repeated at their Location (GitHub: "the request should be repeated verbatim"), 303 as a GET. */
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /** How many redirects one request follows. */
    private static final int MAX_REDIRECTS = 5;

    /** GitHub's advice for a secondary rate limit that names no time: wait at least a minute, longer each time. */
    private static final Duration UNTIMED_RATE_LIMIT_WAIT = Duration.ofMinutes(1);

    private final String provider;
    private final URI baseUrl;
    private final ApiToken token;
    private final Function<String, String> authorization;
    private final Function<JsonNode, Optional<String>> errorMessage;
    private final RetryPolicy retry;
    private final HttpClient http;
    private final Clock clock;

    /**
     * @param provider the provider's name, for messages
     * @param baseUrl the API's base URL; relative paths are resolved against it
     * @param token the API token
     * @param authorization the Authorization header's value for a token, e.g. {@code t -> "Bearer " + t}
     * @param errorMessage reads the provider's own error message from an error body
     * @param retry how long to wait out rate limits and outages
     * @param http the HTTP client
     * @param clock the time, for rate-limit reset headers
     */
    public ApiClient(String provider, URI baseUrl, ApiToken token, Function<String, String> authorization,
            Function<JsonNode, Optional<String>> errorMessage, RetryPolicy retry, HttpClient http, Clock clock) {
        this.provider = provider;
        this.baseUrl = baseUrl.toString().endsWith("/") ? baseUrl : URI.create(baseUrl + "/");
        this.token = token;
        this.authorization = authorization;
        this.errorMessage = errorMessage;
        this.retry = retry;
        this.http = http;
        this.clock = clock;
    }

    /** A GET of a path relative to the base URL, or of an absolute URL (a next-page link). */
    public ApiResponse get(String pathOrUrl) throws ApiException {
        return send("GET", pathOrUrl, null, Map.of());
    }

    /** A request with a JSON body (null for none). */
    public ApiResponse send(String method, String pathOrUrl, Object body) throws ApiException {
        return send(method, pathOrUrl, body, Map.of());
    }

    /**
     * A request with a JSON body (null for none) and extra headers.
     *
     * @throws ApiException with a message naming the request and what the provider's answer means
     */
    public ApiResponse send(String method, String pathOrUrl, Object body, Map<String, String> headers) throws ApiException {
        return send(method, pathOrUrl, body, headers, IDEMPOTENT.contains(method), MAX_REDIRECTS);
    }

    /**
     * A request that is not repeated once it may have taken effect, whatever its method: a lost answer, or a 5xx
     * other than 503, fails at once (a merge whose answer was lost must not be sent again: the second would be
     * refused as if the first had never happened). Rate limits and 503 are still waited out.
     */
    public ApiResponse sendOnce(String method, String pathOrUrl, Object body, Map<String, String> headers) throws ApiException {
        return send(method, pathOrUrl, body, headers, false, MAX_REDIRECTS);
    }

    private ApiResponse send(String method, String pathOrUrl, Object body, Map<String, String> headers, boolean repeatable,
            int redirectsLeft) throws ApiException {
        URI url = resolve(pathOrUrl);
        requireOwnOrigin(method, url);
        HttpRequest request = request(method, url, body, headers);
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (!repeatable || attempt >= retry.maxAttempts()) {
                    throw new ApiException(0, token.redact(provider + " API " + method + " " + url + " got no answer: " + e));
                }
                waited = waitFor(backoff(attempt), waited, method, url, "no answer: " + e.getMessage());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(0, provider + " API " + method + " " + url + " was interrupted");
            }
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (REDIRECTS.contains(status) && location.isPresent() && redirectsLeft > 0) {
                // Followed here, not by the HTTP client, which would send the token to any host a Location names.
                boolean seeOther = status == 303;
                return send(seeOther ? "GET" : method, url.resolve(location.get()).toString(), seeOther ? null : body, headers,
                        repeatable, redirectsLeft - 1);
            }
            if (status >= 200 && status < 300) {
                Optional<JsonNode> json = parseSuccess(response.body());
                // 203 is not the API's own answer (Azure DevOps' sign-in page): the provider says what it means.
                if (json.isPresent() || status == 203) {
                    return new ApiResponse(status, response.headers(), json.orElse(MissingNode.getInstance()));
                }
                // A cut or mangled answer must not read as "nothing there": that would open a duplicate.
                boolean page = response.headers().firstValue("Content-Type").filter(t -> t.contains("html")).isPresent();
                String garbled = provider + " API " + method + " " + url + " answered " + status + (page
                        ? " with an HTML page instead of JSON (a sign-in or proxy page: check the token and the API URL)"
                        : " with a body that is not JSON (cut off or mangled on the way)");
                if (page || !repeatable || attempt >= retry.maxAttempts()) {
                    throw new ApiException(0, token.redact(garbled));
                }
                waited = waitFor(backoff(attempt), waited, method, url, garbled);
                continue;
            }
            Optional<Duration> wait = retryDelay(response, attempt, repeatable);
            if (wait.isEmpty() || attempt >= retry.maxAttempts()) {
                throw failure(method, url, response, wait.isPresent() ? " (gave up after " + attempt + " tries)" : "");
            }
            waited = waitFor(wait.get(), waited, method, url, describe(response));
        }
    }

    /** The absolute URL of a path relative to the base URL, or the URL itself when absolute. */
    public URI resolve(String pathOrUrl) {
        URI uri = URI.create(pathOrUrl);
        return uri.isAbsolute() ? uri : baseUrl.resolve(pathOrUrl.startsWith("/") ? pathOrUrl.substring(1) : pathOrUrl);
    }

    /**
     * Refuses a URL on another scheme, host or port than the API's (a next-page link the answer names): the token
     * would go with the request.
     */
    private void requireOwnOrigin(String method, URI url) throws ApiException {
        if (url.getHost() == null || !url.getScheme().equalsIgnoreCase(baseUrl.getScheme())
                || !url.getHost().equalsIgnoreCase(baseUrl.getHost())
                || port(url) != port(baseUrl)) {
            throw new ApiException(0, provider + " API " + method + " " + url + " was not sent: it is not on "
                    + baseUrl.getScheme() + "://" + baseUrl.getAuthority() + ", the API's own address, and the token goes"
                    + " only there; check --api-url, or a proxy that rewrites the API's links");
        }
    }

    private static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private HttpRequest request(String method, URI url, Object body, Map<String, String> headers) throws ApiException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(retry.requestTimeout())
                .header("Accept", "application/json")
                .header("Authorization", authorization.apply(token.reveal()))
                .header("User-Agent", "gitops-promotion");
        // The caller's headers replace the defaults of the same name (one Accept, not two).
        headers.forEach(builder::setHeader);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                builder.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
            } catch (JsonProcessingException e) {
                throw new ApiException(0, "a request body for " + provider + " could not be written: " + e.getOriginalMessage());
            }
        }
        return builder.build();
    }

    /**
     * How long to wait before trying again, or empty when trying again would not help (or might repeat a
     * request that took effect).
     */
    private Optional<Duration> retryDelay(HttpResponse<String> response, int attempt, boolean repeatable) {
        int status = response.statusCode();
        if (status == 403 && !rateLimitExhausted(response) && saysRateLimited(response)) {
            // GitHub's secondary rate limit: 403 and a message saying so; the reset header is the primary limit's.
            return Optional.of(retryAfter(response).orElse(UNTIMED_RATE_LIMIT_WAIT.multipliedBy(1L << Math.min(attempt - 1, 5))));
        }
        boolean rateLimited = status == 429 || status == 403 && rateLimitExhausted(response);
        // 503 and 429 mean the request was not processed; another 5xx may have been, after a POST.
        boolean retriable = rateLimited || status == 503 || status >= 500 && repeatable;
        if (!retriable) {
            return Optional.empty();
        }
        return Optional.of(serverDelay(response).orElseGet(() -> backoff(attempt)));
    }

    private static boolean rateLimitExhausted(HttpResponse<String> response) {
        return response.headers().firstValue("X-RateLimit-Remaining").or(() -> response.headers().firstValue("RateLimit-Remaining"))
                .map(String::strip).filter("0"::equals).isPresent()
                || response.headers().firstValue("Retry-After").isPresent();
    }

    /** Whether the provider's own error message says the request was rate limited. */
    private boolean saysRateLimited(HttpResponse<String> response) {
        return errorMessage.apply(parse(response.body())).filter(m -> m.toLowerCase(Locale.ROOT).contains("rate limit")).isPresent();
    }

    /** {@code Retry-After}, else the rate-limit reset time (epoch seconds). */
    private Optional<Duration> serverDelay(HttpResponse<String> response) {
        return retryAfter(response).or(() -> response.headers().firstValue("X-RateLimit-Reset")
                .or(() -> response.headers().firstValue("RateLimit-Reset"))
                .flatMap(value -> {
                    try {
                        long number = Long.parseLong(value.strip());
                        // Epoch seconds (GitHub, GitLab), or seconds from now (the IETF draft's form).
                        return Optional.of(number > 1_000_000_000L
                                ? positive(Duration.between(clock.instant(), Instant.ofEpochSecond(number))) : Duration.ofSeconds(number));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }));
    }

    /** {@code Retry-After}: seconds, or an HTTP date. */
    private Optional<Duration> retryAfter(HttpResponse<String> response) {
        Optional<String> retryAfter = response.headers().firstValue("Retry-After").map(String::strip);
        if (retryAfter.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.get()))));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(retryAfter.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(positive(Duration.between(clock.instant(), at)));
            } catch (DateTimeParseException ignored) {
                return Optional.empty();
            }
        }
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration.plusSeconds(1);
    }

    private static Duration backoff(int attempt) {
        return Duration.ofSeconds(1L << Math.min(attempt - 1, 5));
    }

    private Duration waitFor(Duration wait, Duration waited, String method, URI url, String why) throws ApiException {
        Duration total = waited.plus(wait);
        if (total.compareTo(retry.maxTotalWait()) > 0) {
            throw new ApiException(429, token.redact(provider + " API " + method + " " + url + ": " + why + "; it asks to wait "
                    + wait.toSeconds() + " s more, beyond the " + retry.maxTotalWait().toSeconds() + " s allowed; try again later"));
        }
        try {
            retry.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, provider + " API " + method + " " + url + " was interrupted while waiting to retry");
        }
        return total;
    }

    private ApiException failure(String method, URI url, HttpResponse<String> response, String suffix) {
        int status = response.statusCode();
        String providerSays = errorMessage.apply(parse(response.body())).map(m -> ": " + m).orElse("");
        String meaning = switch (status) {
            case 401 -> "the token was refused (invalid, expired or revoked)";
            case 403 -> rateLimitExhausted(response) || saysRateLimited(response) ? "rate limited" : "the token is not allowed to do this"
                    + response.headers().firstValue("X-Accepted-OAuth-Scopes").filter(s -> !s.isBlank())
                            .map(s -> "; it needs the scope " + s).orElse("");
            case 404 -> "not found: " + url + " does not exist or the token cannot see it; check --project and --api-url";
            case 407 -> "the HTTP proxy wants a login, or refused the one it was given (" + ProxySettings.TUNNEL_LOGIN + ")";
            case 409 -> "conflict";
            case 422, 400 -> "refused";
            case 429 -> "rate limited";
            default -> status >= 500 ? "the provider failed" : "unexpected answer";
        };
        return new ApiException(status, token.redact(provider + " API " + method + " " + url + " answered " + status + ": "
                + meaning + providerSays + suffix));
    }

    /** The status and the provider's own words, for a wait that may run out ("You have exceeded a secondary rate limit"). */
    private String describe(HttpResponse<String> response) {
        return "answered " + response.statusCode() + errorMessage.apply(parse(response.body())).map(m -> " (" + m + ")").orElse("");
    }

    /** The JSON of a successful answer (a missing node when empty), or empty when it is not JSON. */
    private static Optional<JsonNode> parseSuccess(String body) {
        if (body == null || body.isBlank()) {
            return Optional.of(MissingNode.getInstance());
        }
        try {
            return Optional.of(Json.mapper().readTree(body));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance(); // an HTML error page: the status says enough
        }
    }
}
