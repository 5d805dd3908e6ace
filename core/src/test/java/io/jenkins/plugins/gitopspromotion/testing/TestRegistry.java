package io.jenkins.plugins.gitopspromotion.testing;

import io.jenkins.plugins.gitopspromotion.build.RegistryTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * The real OCI registry of Debian's {@code docker-registry} package ({@code docker-registry serve CONFIG}) on
 * loopback, with a configuration the test writes: anonymous over plain HTTP, htpasswd (bcrypt) over TLS with a
 * self-signed certificate, or token authentication against a {@link TokenServer}. Tests guard on
 * {@link #installed()} with {@link RealParts#require}.
 */
public final class TestRegistry implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(20);
    /** Another process may take the free port between probing and the registry binding it. */
    private static final int ATTEMPTS = 3;

    private final Process process;
    private final Path log;
    private final int port;
    private final Path caCertificate;
    private final String user;
    private final String password;

    private TestRegistry(Process process, Path log, int port, Path caCertificate, String user, String password) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.caCertificate = caCertificate;
        this.user = user;
        this.password = password;
    }

    /** Whether {@code docker-registry} is on the PATH. */
    public static boolean installed() {
        return Programs.installed("docker-registry");
    }

    /** An anonymous registry over plain HTTP. */
    public static TestRegistry plain(Path dir) throws IOException {
        return start(dir, null, null, null, null);
    }

    /** A registry over TLS (a self-signed certificate made here) that wants {@code user} and {@code password}. */
    public static TestRegistry basicAuthOverTls(Path dir, String user, String password) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        SelfSignedCertificate certificate = SelfSignedCertificate.create("127.0.0.1");
        Path cert = certificate.writeCertificate(dir.resolve("registry.crt"));
        Path key = certificate.writeKey(dir.resolve("registry.key"));
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Path htpasswd = Files.writeString(dir.resolve("htpasswd"),
                user + ":" + OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, 5) + "\n");
        String tls = "  tls:\n    certificate: " + cert + "\n    key: " + key + "\n";
        String auth = "auth:\n  htpasswd:\n    realm: test-registry\n    path: " + htpasswd + "\n";
        return start(dir, tls, auth, cert, new String[] {user, password});
    }

    /** An HTTP registry that wants bearer tokens from {@code tokens} (which decides who gets one). */
    public static TestRegistry tokenAuth(Path dir, TokenServer tokens, String user, String password) throws IOException {
        Files.createDirectories(dir);
        Path bundle = tokens.signing().writeCertificate(dir.resolve("token-signer.crt"));
        String auth = "auth:\n  token:\n    realm: " + tokens.realm() + "\n    service: test-registry\n    issuer: "
                + TokenServer.ISSUER + "\n    rootcertbundle: " + bundle + "\n";
        return start(dir, null, auth, null, new String[] {user, password});
    }

    private static TestRegistry start(Path dir, String tls, String auth, Path cert, String[] credential) throws IOException {
        Files.createDirectories(dir);
        IOException failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = GitDaemon.freePort();
            Path config = Files.writeString(dir.resolve("config.yml"), "version: 0.1\n"
                    + "log:\n  level: warn\n  accesslog:\n    disabled: true\n"
                    + "storage:\n  filesystem:\n    rootdirectory: " + dir.resolve("storage") + "\n  delete:\n    enabled: true\n"
                    + "http:\n  addr: 127.0.0.1:" + port + "\n" + (tls == null ? "" : tls)
                    + (auth == null ? "" : auth));
            Path log = dir.resolve("registry-" + attempt + ".log");
            Process process = new ProcessBuilder("docker-registry", "serve", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            try {
                awaitReady(process, port, cert, log);
                return new TestRegistry(process, log, port, cert, credential == null ? null : credential[0],
                        credential == null ? null : credential[1]);
            } catch (IOException e) {
                GitDaemon.stop(process);
                failure = e;
            }
        }
        throw failure;
    }

    /** Waits until {@code /v2/} answers (200, or 401 when it wants credentials). */
    private static void awaitReady(Process process, int port, Path cert, Path log) throws IOException {
        HttpClient client = HttpClient.newBuilder().sslContext(new RegistryTls(false, cert).sslContext()).connectTimeout(Duration.ofSeconds(1)).build();
        URI v2 = URI.create((cert == null ? "http" : "https") + "://127.0.0.1:" + port + "/v2/");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                int status = client.send(HttpRequest.newBuilder(v2).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || status == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for docker-registry", e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for docker-registry", e);
            }
        }
        throw new IOException("docker-registry did not answer on /v2/ within " + STARTUP.toSeconds() + " s: " + Files.readString(log));
    }

    /** {@code 127.0.0.1:PORT}, the registry part of image names. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    /** The PEM certificate to trust for TLS, or null for plain HTTP. */
    public Path caCertificate() {
        return caCertificate;
    }

    /** What the registry logged so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /**
     * The digest the registry serves for {@code repository:tag}, as the real {@code skopeo inspect} reads it
     * (an independent client, so a test does not check the engine's registry client against itself).
     */
    public String skopeoDigest(String repository, String tag) throws IOException {
        return skopeoInspect(repository, tag, "--format", "{{.Digest}}").strip();
    }

    /** What the real {@code skopeo inspect} reads of {@code repository:tag}: its JSON, labels included. */
    public String skopeoInspect(String repository, String tag, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of("skopeo", "inspect"));
        command.addAll(List.of(options));
        if (caCertificate != null) {
            Path certDir = caCertificate.resolveSibling("skopeo-certs");
            Files.createDirectories(certDir);
            Files.copy(caCertificate, certDir.resolve("ca.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            command.add("--cert-dir=" + certDir);
        } else {
            command.add("--tls-verify=false");
        }
        if (user != null) {
            command.add("--creds=" + user + ":" + password);
        }
        command.add("docker://" + host() + "/" + repository + ":" + tag);
        return Programs.runOk(Map.of(), command);
    }

    /** Whether {@code skopeo} is on the PATH, for {@link #skopeoDigest}. */
    public static boolean skopeoInstalled() {
        return Programs.installed("skopeo");
    }

    /** Stops the registry; its folder is left for the test to delete. */
    @Override
    public void close() {
        GitDaemon.stop(process);
    }

    @Override
    public String toString() {
        return "TestRegistry[" + host() + "]";
    }
}
