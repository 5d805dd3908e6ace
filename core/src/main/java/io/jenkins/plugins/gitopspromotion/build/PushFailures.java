package io.jenkins.plugins.gitopspromotion.build;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells a push the registry refused for lack of credentials from other failures, by the registry's error in the
 * builder's output (the distribution API's {@code UNAUTHORIZED}/{@code DENIED} codes and HTTP 401/403 as the
 * builders print them). Only the message depends on it; the digest never comes from output.
 */
final class PushFailures {

    private static final Pattern UNAUTHORIZED = Pattern.compile(
            "(?i)unauthorized|authentication required|\\b401\\b|access (to the requested resource is )?denied|\\bdenied\\b|\\b403\\b");

    private PushFailures() {
    }

    static boolean unauthorized(List<String> output) {
        return output.stream().anyMatch(line -> UNAUTHORIZED.matcher(line).find());
    }
}
