package io.jenkins.plugins.gitopspromotion.build;

import java.nio.file.Path;
import java.util.Map;

/**
 * The files a build command refers to by path.
 *
 * @param digestFile where the builder writes the pushed digest (the driver reads it back)
 * @param auth the temporary docker config with the registry credentials, or null for none
 * @param certDirectory a folder holding the request's CA certificate as {@code ca.crt} (containers/image's
 *     {@code --cert-dir} layout), or null when none was given
 */
public record BuildFiles(Path digestFile, TemporaryAuthConfig auth, Path certDirectory) {

    /** {@code REGISTRY_AUTH_FILE=FILE} when there are credentials: how buildah and podman find them. */
    public Map<String, String> registryAuthFileEnvironment() {
        return auth == null ? Map.of() : Map.of("REGISTRY_AUTH_FILE", auth.file().toString());
    }

    /** {@code DOCKER_CONFIG=DIR} when there are credentials: how docker and kaniko find them. */
    public Map<String, String> dockerConfigEnvironment() {
        return auth == null ? Map.of() : Map.of("DOCKER_CONFIG", auth.directory().toString());
    }
}
