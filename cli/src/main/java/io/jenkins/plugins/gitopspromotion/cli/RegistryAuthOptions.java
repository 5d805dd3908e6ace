package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.build.RegistryAuth;
import io.jenkins.plugins.gitopspromotion.build.RegistryCredential;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How to reach and log in to a registry: TLS options, and credentials from a docker config file or a user with a
 * password from the environment (never an argument).
 */
final class RegistryAuthOptions {

    @Option(names = "--registry-auth", paramLabel = "FILE", description = "A docker config file ({\"auths\":{…}}) with the registry's credentials.")
    Path authFile;

    @Option(names = "--registry-user", paramLabel = "USER", description = "Registry user name; the password comes from --registry-password-env.")
    String user;

    @Option(names = "--registry-password-env", paramLabel = "VAR", description = "Environment variable holding the registry password or token.")
    String passwordEnv;

    @Option(names = "--insecure-registry", description = "Allow plain HTTP or an unchecked TLS certificate for the registry.")
    boolean insecure;

    @Option(names = "--ca-cert", paramLabel = "FILE", description = "A PEM CA certificate to trust for the registry's TLS.")
    Path caCertificate;

    /** The credentials given, for {@code registry}. */
    RegistryAuth auth(CommandSpec spec, String registry) {
        if (authFile != null && (user != null || passwordEnv != null)) {
            throw new ParameterException(spec.commandLine(), "give --registry-auth or --registry-user with --registry-password-env, not both");
        }
        if (authFile != null) {
            try {
                return RegistryAuth.configFile(authFile);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--registry-auth: " + e.getMessage());
            }
        }
        if (user == null && passwordEnv == null) {
            return RegistryAuth.none();
        }
        if (user == null || passwordEnv == null) {
            throw new ParameterException(spec.commandLine(), "--registry-user and --registry-password-env go together");
        }
        String password = System.getenv(passwordEnv);
        if (password == null || password.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--registry-password-env: the environment variable " + passwordEnv + " is not set");
        }
        try {
            return RegistryAuth.password(registry, new RegistryCredential(user, password.toCharArray()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--registry-user: " + e.getMessage());
        }
    }
}
