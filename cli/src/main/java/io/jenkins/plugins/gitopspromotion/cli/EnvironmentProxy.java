package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.net.ProxySettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP proxy the environment names, as curl and git read it: {@code https_proxy} (else {@code http_proxy}, either
 * also in capitals) as {@code http://[user:password@]host[:port]}, and {@code no_proxy}, a comma-separated list of
 * hosts and domains ({@code example.com} and {@code .example.com} both stand for the domain and every host in it,
 * {@code *} for every host). Loopback addresses are always reached directly, as Java's own {@code http.nonProxyHosts}
 * default has it. One proxy serves Git over HTTP(S) and the pull-request APIs alike.
 */
final class EnvironmentProxy {

    private EnvironmentProxy() {
    }

    /**
     * The proxy, or empty for none (the Java runtime's own settings then apply).
     *
     * @throws IllegalArgumentException if the variable is not a proxy URL; the message names the variable, never its
     *     value, which may hold a password
     */
    static Optional<ProxySettings> of(Map<String, String> environment) {
        String variable = List.of("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY").stream()
                .filter(name -> !environment.getOrDefault(name, "").isBlank()).findFirst().orElse(null);
        String noProxy = Optional.ofNullable(environment.get("no_proxy")).orElse(environment.getOrDefault("NO_PROXY", ""));
        if (variable == null || noProxy.strip().equals("*")) {
            return Optional.empty();
        }
        URI url;
        try {
            String value = environment.get(variable).strip();
            url = new URI(value.contains("://") ? value : "http://" + value);
        } catch (URISyntaxException e) {
            url = null;
        }
        if (url == null || url.getHost() == null || !"http".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException(variable + " is not an HTTP proxy URL such as http://proxy.example.com:3128");
        }
        ProxySettings proxy = ProxySettings.of(url.getHost(), url.getPort() > 0 ? url.getPort() : 80).bypassing(patterns(noProxy));
        String login = url.getRawUserInfo();
        if (login == null) {
            return Optional.of(proxy);
        }
        int colon = login.indexOf(':');
        String user = URLDecoder.decode(colon < 0 ? login : login.substring(0, colon), StandardCharsets.UTF_8);
        String password = colon < 0 ? "" : URLDecoder.decode(login.substring(colon + 1), StandardCharsets.UTF_8);
        return Optional.of(proxy.withCredentials(user, password.toCharArray()));
    }

    /** {@code no_proxy} as the patterns {@link ProxySettings#bypassing} takes: each domain, and every host in it. */
    private static String patterns(String noProxy) {
        List<String> patterns = new ArrayList<>(List.of("localhost", "127.*", "[::1]"));
        for (String entry : noProxy.split(",")) {
            String host = entry.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\*?\\.", "").replaceFirst(":\\d+$", "");
            if (!host.isEmpty()) {
                patterns.add(host);
                patterns.add("*." + host);
            }
        }
        return String.join(" ", patterns);
    }
}
