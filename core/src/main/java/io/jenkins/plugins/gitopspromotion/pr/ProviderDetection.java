package io.jenkins.plugins.gitopspromotion.pr;

import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Works out where to open pull requests from the repository's clone URL: the provider (for {@code --provider
 * auto}), its API's base URL and the repository's name there, each of which {@code --provider}, {@code --api-url}
 * and {@code --project} can override for self-hosted or unusual URLs.
 *
 * <p>Recognised: {@code github.com} and hosts named {@code github.*} (Enterprise Server, API under {@code /api/v3}),
 * {@code gitlab.com} and {@code gitlab.*}, {@code bitbucket.org}, {@code bitbucket.*} and {@code /scm/} paths
 * (Data Center), {@code codeberg.org}, {@code gitea.com}, {@code gitea.*} and {@code forgejo.*}, and
 * {@code dev.azure.com}, {@code ssh.dev.azure.com} and {@code *.visualstudio.com}.
 */
public final class ProviderDetection {

    /** The {@code --provider} value that detects the provider from the URL. */
    public static final String AUTO = "auto";
    /** The {@code --provider} value that opens no pull requests. */
    public static final String NONE = "none";

    private ProviderDetection() {
    }

    /**
     * The provider settings for a repository, or empty when no pull requests are to be opened ({@code none}, or
     * {@code auto} on a URL of no known provider, such as a local path).
     *
     * @param provider {@code auto}, {@code none}, or a {@link ProviderKind#optionName()}
     * @throws IllegalArgumentException naming what is missing or unknown
     */
    public static Optional<ProviderSettings> detect(RepositoryLocation location, String provider, Optional<URI> apiUrl,
            Optional<String> project, ApiToken token) {
        if (NONE.equals(provider)) {
            return Optional.empty();
        }
        String host = Optional.ofNullable(location.uri().getHost()).orElse("").toLowerCase(Locale.ROOT);
        List<String> path = segments(location.uri().getPath());
        Optional<ProviderKind> kind = AUTO.equals(provider) ? kindOf(host, path) : Optional.of(ProviderKind.fromOptionName(provider)
                .orElseThrow(() -> new IllegalArgumentException("unknown provider '" + provider + "'; use auto, none or one of "
                        + ProviderKind.optionNames())));
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        URI api = apiUrl.orElseGet(() -> defaultApiUrl(kind.get(), location, host));
        String name = project.orElseGet(() -> projectOf(kind.get(), location, path));
        return Optional.of(new ProviderSettings(kind.get(), api, name, token));
    }

    private static Optional<ProviderKind> kindOf(String host, List<String> path) {
        if (host.isEmpty()) {
            return Optional.empty();
        }
        if (host.equals("github.com") || host.startsWith("github.")) {
            return Optional.of(ProviderKind.GITHUB);
        }
        if (host.equals("gitlab.com") || host.startsWith("gitlab.")) {
            return Optional.of(ProviderKind.GITLAB);
        }
        if (host.equals("bitbucket.org") || host.equals("altssh.bitbucket.org")) {
            return Optional.of(ProviderKind.BITBUCKET);
        }
        if (host.startsWith("bitbucket.") || !path.isEmpty() && path.get(0).equals("scm")) {
            return Optional.of(ProviderKind.BITBUCKET_SERVER);
        }
        if (host.equals("codeberg.org") || host.equals("gitea.com") || host.startsWith("gitea.") || host.startsWith("forgejo.")) {
            return Optional.of(ProviderKind.GITEA);
        }
        if (host.equals("dev.azure.com") || host.equals("ssh.dev.azure.com") || host.endsWith(".visualstudio.com")) {
            return Optional.of(ProviderKind.AZURE_DEVOPS);
        }
        return Optional.empty();
    }

    private static URI defaultApiUrl(ProviderKind kind, RepositoryLocation location, String host) {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the repository " + location + " has no host to reach " + kind.optionName()
                    + " at; give --api-url");
        }
        String web = "https://" + host;
        return URI.create(switch (kind) {
            case GITHUB -> host.equals("github.com") ? "https://api.github.com" : web + "/api/v3";
            case GITLAB -> web + "/api/v4";
            case BITBUCKET -> "https://api.bitbucket.org/2.0";
            case BITBUCKET_SERVER -> web + "/rest/api/latest";
            case GITEA -> web + "/api/v1";
            case AZURE_DEVOPS -> "https://dev.azure.com";
        });
    }

    /** The repository's name at the provider, from the clone URL's path. */
    private static String projectOf(ProviderKind kind, RepositoryLocation location, List<String> path) {
        List<String> parts = new ArrayList<>(path);
        if (!parts.isEmpty()) {
            parts.set(parts.size() - 1, parts.get(parts.size() - 1).replaceFirst("\\.git$", ""));
        }
        String host = Optional.ofNullable(location.uri().getHost()).orElse("");
        List<String> name = switch (kind) {
            case BITBUCKET_SERVER -> parts.size() >= 3 && parts.get(0).equals("scm") ? parts.subList(1, 3) : lastTwo(parts);
            case AZURE_DEVOPS -> azure(parts, host);
            case GITLAB -> parts; // groups nest: group/subgroup/project
            default -> lastTwo(parts);
        };
        if (name.isEmpty() || name.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("cannot tell the repository's name at " + kind.optionName() + " from " + location
                    + "; give --project");
        }
        return String.join("/", name);
    }

    private static List<String> lastTwo(List<String> parts) {
        return parts.size() >= 2 ? parts.subList(parts.size() - 2, parts.size()) : List.of();
    }

    /**
     * {@code https://dev.azure.com/org/project/_git/repo}, {@code git@ssh.dev.azure.com:v3/org/project/repo},
     * {@code https://org.visualstudio.com/project/_git/repo}: organization, project, repository.
     */
    private static List<String> azure(List<String> parts, String host) {
        List<String> rest = new ArrayList<>(parts);
        rest.remove("_git");
        if (!rest.isEmpty() && rest.get(0).equals("v3")) {
            rest.remove(0);
        }
        if (host.endsWith(".visualstudio.com")) {
            rest.add(0, host.substring(0, host.indexOf('.')));
        }
        return rest.size() == 3 ? rest : List.of();
    }

    private static List<String> segments(String path) {
        if (path == null) {
            return List.of();
        }
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
