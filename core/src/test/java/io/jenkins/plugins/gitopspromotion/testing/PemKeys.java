package io.jenkins.plugins.gitopspromotion.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;

/** SSH client keys made in the JVM, in the PKCS#8 PEM form {@code openssl genpkey} writes, for tests without ssh-keygen. */
public final class PemKeys {

    /** A client's key pair, with its private key as PKCS#8 PEM text (what a credential holds). */
    public record ClientKey(KeyPair pair, String pem) {

        /** A new RSA client key. */
        public static ClientKey rsa(int bits) throws GeneralSecurityException {
            KeyPair pair = PemKeys.rsa(bits);
            return new ClientKey(pair, pkcs8Pem(pair.getPrivate()));
        }
    }

    private PemKeys() {
    }

    /** A new RSA key pair: its PKCS#8 form holds the public key too, which SSHD needs to offer it. */
    public static KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    /** The private key as PKCS#8 PEM text. */
    public static String pkcs8Pem(PrivateKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }
}
