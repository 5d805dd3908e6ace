package io.jenkins.plugins.gitopspromotion.git;

import io.jenkins.plugins.gitopspromotion.guard.SecretScanner;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jgit.transport.URIish;

/**
 * Where a config repository is: an HTTPS or HTTP URL, an SSH URL ({@code ssh://} or {@code git@host:path}),
 * a {@code git://} URL, a {@code file://} URL or a local path. Credentials never belong in it: a URL with a
 * password, or over HTTP(S) with a user part that is not a plain user name (a token written as the user), is
 * refused, so that the secret cannot end up in logs, process lists or a mirror's files; what fails to parse is
 * never repeated.
 */
public final class RepositoryLocation {

    private static final Pattern PLAIN_USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final URIish uri;
    private final String display;

    private RepositoryLocation(URIish uri) {
        this.uri = uri;
        this.display = uri.toString();
    }

    /**
     * Parses a location as a user gives it.
     *
     * @throws IllegalArgumentException naming the problem; a URL's password is never repeated in it
     */
    public static RepositoryLocation parse(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("the repository location is empty; give a URL or a local path");
        }
        String text = location.strip();
        URIish uri;
        try {
            uri = looksLikeLocalPath(text) ? new URIish(Path.of(text).toAbsolutePath().normalize().toString())
                    : new URIish(text);
        } catch (URISyntaxException | java.nio.file.InvalidPathException e) {
            // Not repeated: what failed to parse may be a URL whose password the parser could not tell apart.
            throw new IllegalArgumentException("the repository location is neither a Git URL nor a local path (it is not"
                    + " repeated here, as it may hold a credential)");
        }
        URIish shown = uri.setUser(null).setPass(null);
        if (uri.getPass() != null) {
            throw new IllegalArgumentException("the repository URL " + shown + " contains a password; pass credentials"
                    + " with --token-env or a credentials file instead");
        }
        String scheme = uri.getScheme() == null ? (uri.getHost() != null ? "ssh" : "file") : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!Set.of("https", "http", "ssh", "git", "file").contains(scheme)) {
            throw new IllegalArgumentException("unsupported repository URL scheme '" + scheme + "' in " + shown
                    + "; use https, http, ssh, git or file");
        }
        if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isEmpty())) {
            // What is left of an authority the parser could not read (a password with a '/') ends up in the path.
            throw new IllegalArgumentException("the repository URL names no host that can be read (it is not repeated"
                    + " here, as it may hold a credential); write it as " + scheme + "://host/path");
        }
        if (scheme.startsWith("http") && uri.getUser() != null && !isPlainUserName(uri.getUser())) {
            throw new IllegalArgumentException("the repository URL " + shown + " has a user part that is not a plain user"
                    + " name (a token there would end up in messages, status output and the mirror's files); give the user"
                    + " with --username and the token with --token-env or --token-file");
        }
        return new RepositoryLocation(uri);
    }

    /** A user name as hosts have them ({@code git}, {@code oauth2}, {@code acme-ci}), not a token written as one. */
    private static boolean isPlainUserName(String user) {
        return PLAIN_USER.matcher(user).matches() && !SecretScanner.looksLikeSecret(user);
    }

    /** The location for JGit's transports. */
    public URIish uri() {
        return uri;
    }

    /** Whether this is a repository on this machine ({@code file://} or a path). */
    public boolean isLocal() {
        return uri.getScheme() == null ? uri.getHost() == null : uri.getScheme().equalsIgnoreCase("file");
    }

    /** Whether the repository is reached over SSH. */
    public boolean isSsh() {
        return "ssh".equalsIgnoreCase(uri.getScheme()) || uri.getScheme() == null && uri.getHost() != null;
    }

    /**
     * A stable name for this repository's cached mirror: a hash of the URL without user name, so that two
     * spellings of one URL share a mirror and the folder name reveals nothing.
     */
    public String cacheKey() {
        // Scheme and host are case-insensitive; the path is not (two repositories may differ only in case).
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("(\\.git)?/*$", "");
        String canonical = scheme + "://" + host + ":" + uri.getPort() + "/" + path;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            String name = uri.getHumanishName().replaceAll("[^A-Za-z0-9._-]", "_");
            return (name.isEmpty() ? "repo" : name) + "-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether {@code url} names this repository however it is written by another tool (Argo CD's {@code repoURL} of a
     * source, for one): over HTTPS or SSH, with or without a user, a port or {@code .git}, in any letter case. Hosts
     * that serve SSH under another host or path than HTTPS (Azure DevOps, Bitbucket Data Center) are not recognised.
     */
    public boolean names(String url) {
        URIish other;
        try {
            other = new URIish(url.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        return sameHostAndPath(uri).equals(sameHostAndPath(other));
    }

    /** Host and path without what differs between one repository's URLs; letter case ignored, as Git hosts do. */
    private static String sameHostAndPath(URIish u) {
        String host = u.getHost() == null ? "" : u.getHost();
        String path = u.getPath() == null ? "" : u.getPath().replaceAll("^/+|(\\.git)?/*$", "");
        return (host + "/" + path).toLowerCase(Locale.ROOT);
    }

    /** The location as shown to users. */
    @Override
    public String toString() {
        return display;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RepositoryLocation l && l.cacheKey().equals(cacheKey());
    }

    @Override
    public int hashCode() {
        return cacheKey().hashCode();
    }

    private static boolean looksLikeLocalPath(String text) {
        if (text.contains("://")) {
            return false;
        }
        // scp-like `git@host:path` has a colon before the first slash; a path does not (Windows drives aside).
        int colon = text.indexOf(':');
        int slash = text.indexOf('/');
        boolean windowsDrive = text.length() > 2 && Character.isLetter(text.charAt(0)) && text.charAt(1) == ':';
        return colon < 0 || windowsDrive || slash >= 0 && slash < colon;
    }

}
