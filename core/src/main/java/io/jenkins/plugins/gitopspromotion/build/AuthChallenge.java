package io.jenkins.plugins.gitopspromotion.build;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A registry's {@code WWW-Authenticate} challenge: {@code Basic realm="…"} or
 * {@code Bearer realm="…",service="…",scope="…"} (RFC 7235 auth-params, quoted strings may hold commas).
 * Hand-written because {@code java.net.http} has no parser for it and the grammar is a dozen lines.
 *
 * @param scheme {@code basic} or {@code bearer}, lowercased
 * @param parameters the auth-params, names lowercased
 */
public record AuthChallenge(String scheme, Map<String, String> parameters) {

    /** Copies the parameters. */
    public AuthChallenge {
        parameters = Map.copyOf(parameters);
    }

    /**
     * Parses the first challenge of a header value.
     *
     * @return empty when the value is blank or malformed
     */
    public static Optional<AuthChallenge> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String text = header.strip();
        int space = text.indexOf(' ');
        String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = space < 0 ? text.length() : space + 1;
        while (i < text.length()) {
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
                i++;
            }
            int equals = text.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String name = text.substring(i, equals).strip().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            i = equals + 1;
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                i++;
            } else {
                while (i < text.length() && text.charAt(i) != ',') {
                    value.append(text.charAt(i++));
                }
            }
            if (name.isEmpty() || name.contains(" ")) {
                return Optional.empty();
            }
            parameters.put(name, value.toString().strip());
        }
        return Optional.of(new AuthChallenge(scheme, parameters));
    }

    /** A parameter, if given. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }
}
