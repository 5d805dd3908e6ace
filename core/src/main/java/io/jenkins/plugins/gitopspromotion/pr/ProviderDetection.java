package io.jenkins.plugins.gitopspromotion.pr;

import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
 * <p>Recognised: {@code github.com}, {@code *.ghe.com} (Enterprise Cloud with data residency, API at
 * {@code api.SUBDOMAIN.ghe.com}) and hosts named {@code github.*} (Enterprise Server, API under {@code /api/v3}),
 * {@code gitlab.com} and {@code gitlab.*}, {@code bitbucket.org}, and Bitbucket Data Center on hosts named
 * {@code bitbucket.*} or by its paths ({@code [/CONTEXT]/scm/KEY/repo.git}, {@code [/CONTEXT]/projects/KEY/repos/slug}),
 * {@code codeberg.org}, {@code gitea.com}, {@code gitea.*} and {@code forgejo.*}, and {@code dev.azure.com},
 * {@code ssh.dev.azure.com}, {@code *.visualstudio.com} and {@code vs-ssh.visualstudio.com}. Percent-escapes in the
 * path are decoded once, in scp-like SSH locations as in URLs.
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
        List<String> path = segments(location);
        Optional<ProviderKind> kind = AUTO.equals(provider) ? kindOf(host, path) : Optional.of(ProviderKind.fromOptionName(provider)
                .orElseThrow(() -> new IllegalArgumentException("unknown provider '" + provider + "'; use auto, none or one of "
                        + ProviderKind.optionNames())));
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        URI api = apiUrl.orElseGet(() -> defaultApiUrl(kind.get(), location, host, path));
        String name = project.orElseGet(() -> projectOf(kind.get(), location, path));
        return Optional.of(new ProviderSettings(kind.get(), api, name, token));
    }

    /** Why {@code auto} opens no pull requests for a location {@link #detect} recognised no provider in. */
    public static String unrecognised(RepositoryLocation location) {
        return "no pull request was opened: the provider is auto, and " + location + " is on no host it recognises as a Git"
                + " host with pull requests; name the provider (" + ProviderKind.optionNames() + ") and, for a self-hosted"
                + " one, its API URL, or set the provider to none to push branches only";
    }

    /**
     * A web link to a commit of a repository on a host {@link #detect} recognises, as the provider shows commits
     * ({@code https://github.com/acme/web/commit/SHA}); empty on other hosts, whose pages are not guessed.
     *
     * @param commit a commit id, 7 to 64 hexadecimal digits
     */
    public static Optional<String> commitLink(RepositoryLocation location, String commit) {
        String host = Optional.ofNullable(location.uri().getHost()).orElse("").toLowerCase(Locale.ROOT);
        List<String> path = segments(location);
        Optional<ProviderKind> kind = kindOf(host, path);
        if (kind.isEmpty() || commit == null || !commit.matches("[0-9a-f]{7,64}")) {
            return Optional.empty();
        }
        String scheme = location.uri().getScheme();
        boolean web = "https".equals(scheme) || "http".equals(scheme);
        String base = (web ? scheme : "https") + "://" + host.replaceFirst("^(altssh|ssh|vs-ssh)\\.", "")
                + (web && location.uri().getPort() > 0 ? ":" + location.uri().getPort() : "");
        String project;
        try {
            project = projectOf(kind.get(), location, path);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] parts = project.split("/");
        return Optional.of(switch (kind.get()) {
            case GITHUB, GITEA -> base + "/" + project + "/commit/" + commit;
            case GITLAB -> base + "/" + project + "/-/commit/" + commit;
            case BITBUCKET -> base + "/" + project + "/commits/" + commit;
            case BITBUCKET_SERVER -> base + bitbucketServerPath(path).filter(p -> !p.context().isEmpty())
                    .map(p -> "/" + String.join("/", p.context())).orElse("") + "/projects/" + parts[0] + "/repos/" + parts[1]
                    + "/commits/" + commit;
            case AZURE_DEVOPS -> "https://dev.azure.com/" + parts[0] + "/" + parts[1] + "/_git/" + parts[2] + "/commit/" + commit;
        });
    }

    private static Optional<ProviderKind> kindOf(String host, List<String> path) {
        if (host.isEmpty()) {
            return Optional.empty();
        }
        if (host.equals("github.com") || host.startsWith("github.") || host.endsWith(".ghe.com")) {
            return Optional.of(ProviderKind.GITHUB);
        }
        if (host.equals("gitlab.com") || host.startsWith("gitlab.")) {
            return Optional.of(ProviderKind.GITLAB);
        }
        if (host.equals("bitbucket.org") || host.equals("altssh.bitbucket.org")) {
            return Optional.of(ProviderKind.BITBUCKET);
        }
        if (host.startsWith("bitbucket.") || bitbucketServerPath(path).isPresent()) {
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

    private static URI defaultApiUrl(ProviderKind kind, RepositoryLocation location, String host, List<String> path) {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the repository " + location + " has no host to reach " + kind.optionName()
                    + " at; give --api-url");
        }
        String web = "https://" + host;
        return URI.create(switch (kind) {
            case GITHUB -> host.equals("github.com") ? "https://api.github.com" : host.endsWith(".ghe.com") ? "https://api." + host
                    : web + "/api/v3";
            case GITLAB -> web + "/api/v4";
            case BITBUCKET -> "https://api.bitbucket.org/2.0";
            case BITBUCKET_SERVER -> web + bitbucketServerPath(path).filter(p -> !p.context().isEmpty())
                    .map(p -> "/" + String.join("/", p.context())).orElse("") + "/rest/api/latest";
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
        String host = Optional.ofNullable(location.uri().getHost()).orElse("").toLowerCase(Locale.ROOT);
        List<String> name = switch (kind) {
            case BITBUCKET_SERVER -> bitbucketServerPath(parts).map(BitbucketServerPath::repository).orElseGet(() -> lastTwo(parts));
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
     * A Bitbucket Data Center path: a clone URL {@code [/CONTEXT]/scm/KEY/repo.git} or a web link
     * {@code [/CONTEXT]/projects/KEY/repos/slug[/browse...]}.
     *
     * @param context the context path's segments (empty at the host's root)
     * @param repository the project key and the repository slug
     */
    private record BitbucketServerPath(List<String> context, List<String> repository) {
    }

    private static Optional<BitbucketServerPath> bitbucketServerPath(List<String> path) {
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i).equals("scm") && path.size() == i + 3) {
                return Optional.of(new BitbucketServerPath(path.subList(0, i), List.of(path.get(i + 1),
                        path.get(i + 2).replaceFirst("\\.git$", ""))));
            }
            if (path.get(i).equals("projects") && path.size() >= i + 4 && path.get(i + 2).equals("repos")) {
                return Optional.of(new BitbucketServerPath(path.subList(0, i), List.of(path.get(i + 1), path.get(i + 3))));
            }
        }
        return Optional.empty();
    }

    /**
     * Organization, project, repository from {@code https://dev.azure.com/org/project/_git/repo},
     * {@code https://dev.azure.com/org/_git/repo} (a project's default repository, named as the project),
     * {@code git@ssh.dev.azure.com:v3/org/project/repo}, {@code org@vs-ssh.visualstudio.com:v3/org/project/repo}
     * and {@code https://org.visualstudio.com[/DefaultCollection]/project/_git/repo}.
     */
    private static List<String> azure(List<String> parts, String host) {
        List<String> rest = new ArrayList<>(parts);
        if (!rest.isEmpty() && rest.get(0).equals("v3")) {
            rest.remove(0);
        } else if (host.endsWith(".visualstudio.com")) {
            // The organization is the host's first label; the collection of the old URLs is always DefaultCollection.
            if (!rest.isEmpty() && rest.get(0).equalsIgnoreCase("DefaultCollection")) {
                rest.remove(0);
            }
            rest.add(0, host.substring(0, host.indexOf('.')));
        }
        int git = rest.indexOf("_git");
        if (git == 1 && rest.size() == 3) {
            return List.of(rest.get(0), rest.get(2), rest.get(2));
        }
        if (git >= 0) {
            rest.remove(git);
        }
        return rest.size() == 3 ? rest : List.of();
    }

    /**
     * The path's segments, decoded: JGit decodes the path of a URL but not of an scp-like {@code git@host:path}, whose
     * escapes ({@code My%20Project}) would otherwise be encoded a second time in API paths.
     */
    private static List<String> segments(RepositoryLocation location) {
        String path = location.uri().getPath();
        if (path == null) {
            return List.of();
        }
        boolean scpLike = location.uri().getScheme() == null && location.uri().getHost() != null;
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(s -> scpLike ? decode(s, location) : s).toList();
    }

    private static String decode(String segment, RepositoryLocation location) {
        try {
            // URLDecoder reads '+' as a space, which a path does not.
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the path of " + location + " has a broken %-escape in '" + segment
                    + "'; write it as the provider shows it, or give --project");
        }
    }
}
