package io.jenkins.plugins.gitopspromotion.pr;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A successful answer of a provider's REST API.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the JSON body (a missing node when there was none)
 */
public record ApiResponse(int status, HttpHeaders headers, JsonNode body) {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    /** The {@code rel="next"} URL of an RFC 8288 {@code Link} header (GitHub, GitLab, Gitea pagination). */
    public Optional<String> nextLink() {
        return headers.allValues("Link").stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(NEXT_LINK::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst();
    }
}
