package io.jenkins.plugins.gitopspromotion.build;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How to reach a registry: over TLS trusting the JVM's certificate authorities, or also a CA certificate file
 * (a registry with a self-signed or private-CA certificate), or insecurely (plain HTTP, or TLS without checking
 * the certificate) as {@code --insecure-registry} allows.
 *
 * @param insecure whether plain HTTP and unchecked certificates are allowed
 * @param caCertificate a PEM file with the CA certificate(s) to trust besides the JVM's, or null
 */
public record RegistryTls(boolean insecure, Path caCertificate) {

    /** TLS with the JVM's trusted authorities. */
    public static RegistryTls secure() {
        return new RegistryTls(false, null);
    }

    /**
     * The SSL context this asks for.
     *
     * @throws IOException if the CA certificate file cannot be read
     */
    public SSLContext sslContext() throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (insecure) {
                context.init(null, new TrustManager[] {new TrustingManager()}, null);
            } else if (caCertificate != null) {
                context.init(null, trustManagers(caCertificate), null);
            } else {
                return SSLContext.getDefault();
            }
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS for the registry: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(file)) {
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            if (n == 0) {
                throw new IOException("the CA certificate file " + file + " holds no certificate");
            }
        } catch (java.security.cert.CertificateException e) {
            throw new IOException("the CA certificate file " + file + " cannot be read: " + e.getMessage(), e);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /**
     * Accepts any certificate and host name: only for {@code --insecure-registry}, as {@code --tls-verify=false}
     * does in buildah. Being an extended trust manager, it also replaces the host name check.
     */
    private static final class TrustingManager extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
