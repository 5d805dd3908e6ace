package io.jenkins.plugins.gitopspromotion.build;

import java.nio.file.Path;

/**
 * The files a build command refers to by path.
 *
 * @param digestFile where the builder writes the pushed digest (the driver reads it back)
 * @param auth the temporary docker config with the registry credentials, or null for none
 */
public record BuildFiles(Path digestFile, TemporaryAuthConfig auth) {
}
