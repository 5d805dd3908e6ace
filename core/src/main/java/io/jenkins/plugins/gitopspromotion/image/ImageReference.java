package io.jenkins.plugins.gitopspromotion.image;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An OCI image reference, {@code [registry[:port]/]repository[:tag][@digest]}, for example
 * {@code ghcr.io/acme/web:1.4.2}, {@code localhost:5000/web@sha256:...} or {@code nginx}.
 *
 * <p>Parsing follows the grammar of {@code github.com/distribution/reference} and the OCI distribution spec:
 *
 * <pre>
 * reference        := name [ ":" tag ] [ "@" digest ]
 * name             := [domain '/'] remote-name            (at most 255 characters)
 * domain           := host [':' port-number]              (port 1..65535)
 * host             := domain-name | '[' IPv6address ']'  (domain-name also covers IPv4 addresses)
 * domain-name      := domain-component ['.' domain-component]*
 * domain-component := /([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])/
 * remote-name      := path-component ['/' path-component]*
 * path-component   := alpha-numeric [separator alpha-numeric]*
 * alpha-numeric    := /[a-z0-9]+/
 * separator        := /[_.]|__|[-]+/
 * tag              := /[\w][\w.-]{0,127}/
 * digest           := ("sha256" ":" 64 lowercase hex) | ("sha512" ":" 128 lowercase hex)
 * </pre>
 *
 * <p>As in docker's {@code splitDockerDomain}, the first {@code /}-separated component is the registry only if it
 * contains {@code .} or {@code :}, is {@code localhost}, or contains an uppercase letter; otherwise the whole
 * name is the repository on Docker Hub. So {@code acme/web} is {@code web} of {@code acme} on Docker Hub, while
 * {@code registry.local/web} names a registry.
 *
 * <p>The parts are kept exactly as written, so {@code parse(s).toString().equals(s)} for every valid {@code s}:
 * a promotion edits config files byte for byte and must not rewrite references it did not mean to change.
 * {@link #normalizedName()} and {@link #sameRepositoryAs(ImageReference)} give the docker-normalized view for
 * deciding whether two references name the same repository.
 *
 * <p>Instances are immutable. Equality is on the rendered form ({@link #toString()}), so {@code nginx} and
 * {@code docker.io/library/nginx} are not equal, although they name the same repository.
 */
public final class ImageReference {

    /** The longest name (registry and repository, without tag or digest) allowed. */
    public static final int NAME_MAX_LENGTH = 255;

    private static final int MAX_PORT = 65535;
    private static final int IMAGE_ID_HEX_DIGITS = 64;
    private static final int IPV6_GROUPS = 8;
    private static final int IPV6_GROUP_MAX_DIGITS = 4;

    private static final String DEFAULT_REGISTRY = "docker.io";
    private static final String LEGACY_DEFAULT_REGISTRY = "index.docker.io";
    private static final String LOCALHOST = "localhost";
    private static final String OFFICIAL_NAMESPACE = "library/";

    private static final String REFERENCE = "image reference";
    private static final String NAME = "image name";
    private static final String SHAPE = "a reference looks like [registry[:port]/]repository[:tag][@digest],"
            + " e.g. ghcr.io/acme/web:1.4.2 or localhost:5000/web@sha256:<64 hex digits>";
    private static final String NAME_SHAPE = "a name looks like [registry[:port]/]repository,"
            + " e.g. ghcr.io/acme/web or localhost:5000/web";
    private static final String PATH_RULE = "a path component is lowercase letters and digits, optionally"
            + " joined by '.', '_', '__' or one or more '-'";

    private final String name;
    private final String registry;
    private final String repository;
    private final String tag;
    private final Digest digest;
    private final String rendered;

    private ImageReference(String name, String registry, String repository, String tag, Digest digest) {
        this.name = name;
        this.registry = registry;
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
        this.rendered = name + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    /**
     * Parses a full reference, {@code name[:tag][@digest]}.
     *
     * @param reference the reference, for example {@code ghcr.io/acme/web:1.4.2}
     * @return the reference, with its parts exactly as written
     * @throws InvalidImageReferenceException if it is not a valid reference; the message quotes it and says why
     * @throws NullPointerException if {@code reference} is {@code null}
     */
    public static ImageReference parse(String reference) {
        Objects.requireNonNull(reference, "reference");
        checkCharacters(REFERENCE, reference);
        if (reference.isEmpty()) {
            throw new InvalidImageReferenceException(REFERENCE, reference, "is empty; " + SHAPE);
        }
        String rest = reference;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            if (rest.indexOf('@', at + 1) >= 0) {
                throw new InvalidImageReferenceException(REFERENCE, reference,
                        "contains more than one '@'; " + SHAPE);
            }
            String digestText = rest.substring(at + 1);
            if (digestText.isEmpty()) {
                throw new InvalidImageReferenceException(REFERENCE, reference,
                        "has '@' but no digest after it; a digest looks like sha256:<64 lowercase hex digits>");
            }
            String problem = Digest.problem(digestText);
            if (problem != null) {
                throw new InvalidImageReferenceException(REFERENCE, reference,
                        "is not valid: digest " + InvalidImageReferenceException.quote(digestText) + " " + problem);
            }
            digest = Digest.parseValid(digestText);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = tagSeparator(rest);
        if (colon >= 0) {
            tag = rest.substring(colon + 1);
            if (tag.isEmpty()) {
                throw new InvalidImageReferenceException(REFERENCE, reference,
                        "has ':' but no tag after it; " + ImageTag.RULE);
            }
            String problem = ImageTag.problem(tag);
            if (problem != null) {
                throw new InvalidImageReferenceException(REFERENCE, reference,
                        "is not valid: tag " + InvalidImageReferenceException.quote(tag) + " " + problem);
            }
            rest = rest.substring(0, colon);
        }
        String[] parts = splitName(REFERENCE, reference, rest);
        return new ImageReference(rest, parts[0], parts[1], tag, digest);
    }

    /**
     * Parses a name only, {@code [registry[:port]/]repository}, refusing a tag or digest.
     *
     * @param name the name, for example {@code ghcr.io/acme/web}
     * @return a reference without tag and digest
     * @throws InvalidImageReferenceException if it is not a valid name, or has a tag or digest
     * @throws NullPointerException if {@code name} is {@code null}
     */
    public static ImageReference parseName(String name) {
        Objects.requireNonNull(name, "name");
        checkCharacters(NAME, name);
        if (name.isEmpty()) {
            throw new InvalidImageReferenceException(NAME, name, "is empty; " + NAME_SHAPE);
        }
        int at = name.indexOf('@');
        if (at >= 0) {
            throw new InvalidImageReferenceException(NAME, name, "has a digest ("
                    + InvalidImageReferenceException.quote(name.substring(at)) + "), but only a name is allowed here; "
                    + NAME_SHAPE);
        }
        int colon = tagSeparator(name);
        if (colon >= 0) {
            String tag = name.substring(colon + 1);
            String hint = "";
            if (!tag.isEmpty() && tag.chars().allMatch(c -> c >= '0' && c <= '9')) {
                // "localhost:5000" alone reads as repository "localhost" with tag "5000", as in docker.
                hint = " (if " + InvalidImageReferenceException.quote(name) + " is a registry, add the repository"
                        + " after it, e.g. " + InvalidImageReferenceException.quote(name + "/web") + ")";
            }
            throw new InvalidImageReferenceException(NAME, name, "has a tag ("
                    + InvalidImageReferenceException.quote(name.substring(colon)) + "), but only a name is allowed"
                    + " here" + hint + "; " + NAME_SHAPE);
        }
        String[] parts = splitName(NAME, name, name);
        return new ImageReference(name, parts[0], parts[1], null, null);
    }

    /**
     * Builds a reference from its parts.
     *
     * @param name the name, {@code [registry[:port]/]repository}, as for {@link #parseName(String)}
     * @param tag the tag, or {@code null} for none
     * @param digest the digest, or {@code null} for none
     * @return the reference
     * @throws InvalidImageReferenceException if the name or tag is not valid
     * @throws NullPointerException if {@code name} is {@code null}
     */
    public static ImageReference of(String name, String tag, Digest digest) {
        ImageReference base = parseName(name);
        return new ImageReference(base.name, base.registry, base.repository,
                tag == null ? null : ImageTag.requireValid(tag), digest);
    }

    /**
     * The registry as written, including any port, for example {@code ghcr.io}, {@code localhost:5000} or
     * {@code [::1]:5000}; empty when the reference has none (Docker Hub is then implied).
     */
    public Optional<String> registry() {
        return Optional.ofNullable(registry);
    }

    /** The repository path as written, without registry, for example {@code acme/team/web} or {@code nginx}. */
    public String repository() {
        return repository;
    }

    /** Everything before the tag and digest, as written: {@code [registry/]repository}. */
    public String name() {
        return name;
    }

    /** The tag, if any. */
    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /** The digest, if any. */
    public Optional<Digest> digest() {
        return Optional.ofNullable(digest);
    }

    /**
     * The name normalized as docker does: no registry means {@code docker.io}, {@code index.docker.io} is written
     * {@code docker.io}, and a single-component Docker Hub repository is in {@code library/}. So {@code nginx},
     * {@code library/nginx}, {@code docker.io/library/nginx} and {@code index.docker.io/library/nginx} all give
     * {@code docker.io/library/nginx}.
     *
     * <p>The registry is also lowercased (host names are case-insensitive), so {@code GHCR.IO/acme/web} and
     * {@code ghcr.io/acme/web} normalize equal. A port is kept as written: {@code host:443} and {@code host} may
     * be different registries to a client.
     */
    public String normalizedName() {
        String host = registry == null ? DEFAULT_REGISTRY : registry.toLowerCase(Locale.ROOT);
        if (host.equals(LEGACY_DEFAULT_REGISTRY)) {
            host = DEFAULT_REGISTRY;
        }
        String path = repository;
        if (host.equals(DEFAULT_REGISTRY) && path.indexOf('/') < 0) {
            path = OFFICIAL_NAMESPACE + path;
        }
        return host + "/" + path;
    }

    /**
     * Tells whether both references name the same repository, ignoring tag and digest.
     *
     * @param other the other reference
     * @return whether the {@linkplain #normalizedName() normalized names} are equal
     */
    public boolean sameRepositoryAs(ImageReference other) {
        return normalizedName().equals(other.normalizedName());
    }

    /**
     * This reference with another tag; the digest, if any, is kept.
     *
     * @param newTag the tag
     * @return the new reference
     * @throws InvalidImageReferenceException if the tag is not valid
     * @throws NullPointerException if {@code newTag} is {@code null}
     */
    public ImageReference withTag(String newTag) {
        return new ImageReference(name, registry, repository, ImageTag.requireValid(newTag), digest);
    }

    /**
     * This reference with another digest; the tag, if any, is kept.
     *
     * @param newDigest the digest
     * @return the new reference
     * @throws NullPointerException if {@code newDigest} is {@code null}
     */
    public ImageReference withDigest(Digest newDigest) {
        return new ImageReference(name, registry, repository, tag, Objects.requireNonNull(newDigest, "digest"));
    }

    /** This reference without its tag; the digest, if any, is kept. */
    public ImageReference withoutTag() {
        return tag == null ? this : new ImageReference(name, registry, repository, null, digest);
    }

    /** This reference without its digest; the tag, if any, is kept. */
    public ImageReference withoutDigest() {
        return digest == null ? this : new ImageReference(name, registry, repository, tag, null);
    }

    /** {@code name[:tag][@digest]}, exactly as parsed for a reference that has not been changed. */
    @Override
    public String toString() {
        return rendered;
    }

    /** Equal when the {@linkplain #toString() rendered forms} are equal. */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ImageReference && rendered.equals(((ImageReference) o).rendered));
    }

    @Override
    public int hashCode() {
        return rendered.hashCode();
    }

    /** The index of the ':' before a tag, or -1: a ':' before the last '/' belongs to a registry port. */
    private static int tagSeparator(String nameAndTag) {
        int colon = nameAndTag.lastIndexOf(':');
        return colon > nameAndTag.lastIndexOf('/') ? colon : -1;
    }

    /**
     * Refuses whitespace, control and non-ASCII characters first, with their position: they are never valid,
     * and the structural messages that would follow would only confuse.
     */
    private static void checkCharacters(String what, String input) {
        for (int i = 0; i < input.length(); ) {
            int cp = input.codePointAt(i);
            String problem = null;
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                problem = "contains whitespace at index " + i;
            } else if (Character.isISOControl(cp)) {
                problem = "contains a control character at index " + i;
            } else if (cp > 0x7e) {
                problem = "contains the non-ASCII character "
                        + InvalidImageReferenceException.quote(new String(Character.toChars(cp))) + " at index " + i;
            }
            if (problem != null) {
                throw new InvalidImageReferenceException(what, input, problem
                        + "; references are ASCII letters, digits and . _ - / : @ [ ] only");
            }
            i += Character.charCount(cp);
        }
    }

    /**
     * Splits and validates a name into registry (or {@code null}) and repository.
     *
     * @param what what {@code input} is, for messages
     * @param input the whole input, for messages
     * @param name the name part of it
     */
    private static String[] splitName(String what, String input, String name) {
        if (name.isEmpty()) {
            throw new InvalidImageReferenceException(what, input, "has no repository name; " + SHAPE);
        }
        if (name.length() > NAME_MAX_LENGTH) {
            throw new InvalidImageReferenceException(what, input, "is not valid: the name is " + name.length()
                    + " characters long; the limit is " + NAME_MAX_LENGTH);
        }
        String registry = null;
        String repository = name;
        int slash = name.indexOf('/');
        if (slash >= 0 && isRegistry(name.substring(0, slash))) {
            registry = name.substring(0, slash);
            repository = name.substring(slash + 1);
            String problem = registryProblem(registry);
            if (problem != null) {
                throw new InvalidImageReferenceException(what, input, "is not valid: registry "
                        + InvalidImageReferenceException.quote(registry) + " " + problem);
            }
            if (repository.isEmpty()) {
                throw new InvalidImageReferenceException(what, input, "has no repository after registry "
                        + InvalidImageReferenceException.quote(registry) + "; " + SHAPE);
            }
        }
        String problem = repositoryProblem(repository);
        if (problem != null) {
            throw new InvalidImageReferenceException(what, input, "is not valid: " + problem);
        }
        if (registry == null && repository.length() == IMAGE_ID_HEX_DIGITS
                && repository.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            // As docker does: 64 hex digits alone is an image ID, and accepting it as a name would be ambiguous.
            throw new InvalidImageReferenceException(what, input, "is a 64-digit hex string, which is an image ID,"
                    + " not a repository name; to pin content, use name@sha256:<digest>");
        }
        return new String[] {registry, repository};
    }

    /**
     * docker's splitDockerDomain rule for whether the first component is a registry. A leading '[' is added so
     * that a broken IPv6 host such as {@code []} gets a message about the host; it is invalid either way.
     */
    private static boolean isRegistry(String first) {
        return first.startsWith("[")
                || first.indexOf('.') >= 0
                || first.indexOf(':') >= 0
                || first.equals(LOCALHOST)
                || !first.toLowerCase(Locale.ROOT).equals(first);
    }

    /** @return {@code null} when valid, else the rest of a sentence after the quoted registry */
    private static String registryProblem(String registry) {
        String host;
        String port = null;
        if (registry.startsWith("[")) {
            int close = registry.indexOf(']');
            if (close < 0) {
                return "has '[' without a closing ']'; an IPv6 host is written like [::1] or [2001:db8::1]:5000";
            }
            host = registry.substring(0, close + 1);
            String after = registry.substring(close + 1);
            if (!after.isEmpty()) {
                if (after.charAt(0) != ':') {
                    return "has " + InvalidImageReferenceException.quote(after) + " after ']', where only ':port'"
                            + " may follow";
                }
                port = after.substring(1);
            }
            String problem = ipv6Problem(host.substring(1, host.length() - 1));
            if (problem != null) {
                return "has an invalid IPv6 address " + InvalidImageReferenceException.quote(host) + ": " + problem;
            }
        } else {
            int colon = registry.indexOf(':');
            host = colon < 0 ? registry : registry.substring(0, colon);
            port = colon < 0 ? null : registry.substring(colon + 1);
            if (host.isEmpty()) {
                return "has no host name before ':'";
            }
            String problem = hostProblem(host);
            if (problem != null) {
                return problem;
            }
        }
        if (port != null) {
            return portProblem(port);
        }
        return null;
    }

    private static String hostProblem(String host) {
        String[] labels = host.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                return "has an empty host name component (a leading, trailing or doubled '.')";
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
                if (!ok) {
                    return "contains " + InvalidImageReferenceException.quote(String.valueOf(c))
                            + ", which is not allowed in a host name (letters, digits, '-' and '.' only)";
                }
            }
            if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
                return "has host name component " + InvalidImageReferenceException.quote(label)
                        + ", which must not start or end with '-'";
            }
        }
        return null;
    }

    /**
     * Checks the text between the brackets. distribution/reference only checks the characters
     * ({@code [a-fA-F0-9:]+}); the group structure is checked too so that {@code [:::]} is refused here and not
     * by the HTTP client later. Embedded IPv4 ({@code ::ffff:1.2.3.4}) is refused, as by distribution/reference.
     */
    private static String ipv6Problem(String address) {
        if (address.isEmpty()) {
            return "the brackets are empty";
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (!(isHex(c) || c == ':')) {
                return "it contains " + InvalidImageReferenceException.quote(String.valueOf(c))
                        + "; only hex digits and ':' are allowed";
            }
        }
        int gap = address.indexOf("::");
        if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) {
            return "'::' may appear only once";
        }
        int groups;
        if (gap >= 0) {
            int left = countGroups(address.substring(0, gap));
            int right = countGroups(address.substring(gap + 2));
            if (left < 0 || right < 0) {
                return "each group must be 1 to 4 hex digits";
            }
            groups = left + right;
            if (groups >= IPV6_GROUPS) {
                return "it has " + groups + " groups besides '::'; at most 7 are allowed";
            }
        } else {
            groups = countGroups(address);
            if (groups < 0) {
                return "each group must be 1 to 4 hex digits";
            }
            if (groups != IPV6_GROUPS) {
                return "it has " + groups + " groups; without '::' it needs 8";
            }
        }
        return null;
    }

    /** The number of ':'-separated groups, 0 for empty text, or -1 if a group is empty or too long. */
    private static int countGroups(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        String[] groups = text.split(":", -1);
        for (String group : groups) {
            if (group.isEmpty() || group.length() > IPV6_GROUP_MAX_DIGITS) {
                return -1;
            }
        }
        return groups.length;
    }

    private static String portProblem(String port) {
        if (port.isEmpty()) {
            return "has ':' but no port number after it";
        }
        if (!port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "has port " + InvalidImageReferenceException.quote(port) + ", which is not a number";
        }
        // Compare as text first: a long digit string would overflow an int.
        String digits = port.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 5 || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > MAX_PORT) {
            return "has port " + port + ", which is not in 1..65535";
        }
        return null;
    }

    /** @return {@code null} when valid, else the rest of a sentence after "is not valid: " */
    private static String repositoryProblem(String repository) {
        if (!repository.toLowerCase(Locale.ROOT).equals(repository)) {
            return "repository name must be lowercase (got " + InvalidImageReferenceException.quote(repository) + ")";
        }
        if (repository.startsWith("/")) {
            return "the repository " + InvalidImageReferenceException.quote(repository) + " starts with '/'";
        }
        if (repository.endsWith("/")) {
            return "the repository " + InvalidImageReferenceException.quote(repository)
                    + " ends with '/'; remove the trailing '/'";
        }
        for (String component : repository.split("/", -1)) {
            if (component.isEmpty()) {
                return "the repository " + InvalidImageReferenceException.quote(repository)
                        + " has an empty path component ('//')";
            }
            String problem = pathComponentProblem(component);
            if (problem != null) {
                return "path component " + InvalidImageReferenceException.quote(component) + " " + problem + "; "
                        + PATH_RULE;
            }
        }
        return null;
    }

    private static String pathComponentProblem(String component) {
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (!(isAlphaNumeric(c) || isSeparatorChar(c))) {
                return "contains " + InvalidImageReferenceException.quote(String.valueOf(c))
                        + ", which is not allowed in a repository name";
            }
        }
        if (!isAlphaNumeric(component.charAt(0))) {
            return "starts with " + InvalidImageReferenceException.quote(component.substring(0, 1))
                    + "; it must start with a lowercase letter or digit";
        }
        if (!isAlphaNumeric(component.charAt(component.length() - 1))) {
            return "ends with " + InvalidImageReferenceException.quote(component.substring(component.length() - 1))
                    + "; it must end with a lowercase letter or digit";
        }
        int i = 0;
        while (i < component.length()) {
            if (isAlphaNumeric(component.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < component.length() && !isAlphaNumeric(component.charAt(i))) {
                i++;
            }
            String separator = component.substring(start, i);
            if (!isValidSeparator(separator)) {
                return "has separator " + InvalidImageReferenceException.quote(separator) + ", which is not allowed";
            }
        }
        return null;
    }

    private static boolean isValidSeparator(String separator) {
        return separator.equals(".")
                || separator.equals("_")
                || separator.equals("__")
                || separator.chars().allMatch(c -> c == '-');
    }

    private static boolean isAlphaNumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isSeparatorChar(char c) {
        return c == '.' || c == '_' || c == '-';
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
