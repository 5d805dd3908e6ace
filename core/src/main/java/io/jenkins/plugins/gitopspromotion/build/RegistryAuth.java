package io.jenkins.plugins.gitopspromotion.build;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.gitopspromotion.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How to log in to registries: not at all, with an existing docker config file ({@code {"auths":{…}}}), or
 * with one user name and password for one registry. Builders get it only as a {@link TemporaryAuthConfig}.
 */
public final class RegistryAuth {

    private static final RegistryAuth NONE = new RegistryAuth(null, null, null);

    private final Path configFile;
    private final String registry;
    private final RegistryCredential credential;

    private RegistryAuth(Path configFile, String registry, RegistryCredential credential) {
        this.configFile = configFile;
        this.registry = registry;
        this.credential = credential;
    }

    /** No credentials: anonymous pulls and pushes. */
    public static RegistryAuth none() {
        return NONE;
    }

    /**
     * An existing docker config file, as {@code docker login} or {@code buildah login} write it.
     *
     * @throws IllegalArgumentException if it is not a readable file
     */
    public static RegistryAuth configFile(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("the registry auth file " + file + " is not a readable file");
        }
        return new RegistryAuth(file, null, null);
    }

    /**
     * One credential for one registry.
     *
     * @param registry the registry host, with its port if any, e.g. {@code registry.example.com:5000}
     */
    public static RegistryAuth password(String registry, RegistryCredential credential) {
        return new RegistryAuth(null, hostOf(registry), credential);
    }

    /** Whether there are no credentials at all. */
    public boolean isNone() {
        return configFile == null && credential == null;
    }

    /**
     * The docker config file's content: the given file's bytes, or {@code {"auths":{REGISTRY:{"auth":…}}}}.
     * The caller must not keep or print it.
     */
    byte[] configJson() throws IOException {
        if (configFile != null) {
            return Files.readAllBytes(configFile);
        }
        if (credential == null) {
            return "{\"auths\":{}}".getBytes(StandardCharsets.UTF_8);
        }
        Map<String, Object> auths = Map.of(registry, Map.of("auth", basic(credential)));
        return Json.mapper().writeValueAsBytes(Map.of("auths", auths));
    }

    /**
     * The credential for {@code registry}, if this auth has one for it.
     *
     * @param registry the registry host with its port, if any
     * @throws IOException if the config file cannot be read or has an unreadable entry for the registry
     */
    public Optional<RegistryCredential> credentialFor(String registry) throws IOException {
        String host = hostOf(registry);
        if (credential != null) {
            return host.equals(this.registry) ? Optional.of(credential) : Optional.empty();
        }
        if (configFile == null) {
            return Optional.empty();
        }
        JsonNode auths = Json.mapper().readTree(configFile.toFile()).path("auths");
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (hostOf(entry.getKey()).equals(host)) {
                return Optional.of(parseEntry(entry.getValue(), host));
            }
        }
        return Optional.empty();
    }

    private RegistryCredential parseEntry(JsonNode entry, String host) throws IOException {
        if (entry.hasNonNull("username") && entry.hasNonNull("password")) {
            return new RegistryCredential(entry.get("username").asText(), entry.get("password").asText().toCharArray());
        }
        String auth = entry.path("auth").asText("");
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            // The entry's content stays out of the message: it is a credential.
            throw new IOException("the registry auth file " + configFile + " has an entry for " + host
                    + " without a usable \"auth\" (base64 of user:password)");
        }
        return new RegistryCredential(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
    }

    /** {@code user:password} in base64, as docker config files and Basic authentication carry it. */
    static String basic(RegistryCredential credential) {
        char[] password = credential.password();
        byte[] bytes = (credential.username() + ":" + new String(password)).getBytes(StandardCharsets.UTF_8);
        Arrays.fill(password, '\0');
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The registry host (and port) of a config key, which may be {@code host}, or a URL such as {@code https://host/v1/}. */
    static String hostOf(String key) {
        String text = key.trim();
        if (text.contains("://")) {
            URI uri = URI.create(text);
            text = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        }
        int slash = text.indexOf('/');
        return (slash < 0 ? text : text.substring(0, slash)).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return configFile != null ? "RegistryAuth[file " + configFile + "]"
                : credential != null ? "RegistryAuth[" + credential.username() + "@" + registry + "]" : "RegistryAuth[none]";
    }
}
