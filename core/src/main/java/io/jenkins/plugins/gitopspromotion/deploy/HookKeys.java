package io.jenkins.plugins.gitopspromotion.deploy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets that authenticate one source's hooks: one, or two while a key is being rotated (the old one still set
 * in the agent, the new one already here). Compared in constant time, and never shown: {@link #toString()} is masked,
 * and no message names a key.
 */
public final class HookKeys {

    /** How many keys may be active at once: the current one and the one it replaces. */
    public static final int MAX_KEYS = 2;

    /** The hash functions the Flux docs' verifier accepts in {@code X-Signature: <function>=<hex>}. */
    private static final Map<String, String> HMACS = Map.of("sha224", "HmacSHA224", "sha256", "HmacSHA256",
            "sha384", "HmacSHA384", "sha512", "HmacSHA512");

    private final List<byte[]> keys;

    private HookKeys(List<byte[]> keys) {
        this.keys = keys;
    }

    /**
     * Keys from their text (the Flux Secret's {@code token}, the Argo CD bearer token), as UTF-8.
     *
     * @throws IllegalArgumentException if there is none, more than {@value #MAX_KEYS}, or an empty one
     */
    public static HookKeys of(List<char[]> secrets) {
        if (secrets.isEmpty() || secrets.size() > MAX_KEYS) {
            throw new IllegalArgumentException("a hook takes one key, or two while rotating, not " + secrets.size());
        }
        List<byte[]> keys = new ArrayList<>();
        for (char[] secret : secrets) {
            if (secret.length == 0) {
                throw new IllegalArgumentException("a hook key is empty");
            }
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
            byte[] key = new byte[bytes.remaining()];
            bytes.get(key);
            keys.add(key);
        }
        return new HookKeys(List.copyOf(keys));
    }

    /**
     * Whether {@code signature} ({@code sha256=<hex>}, as Flux's {@code X-Signature}) is the HMAC of {@code body} under
     * one of the keys.
     */
    public boolean signed(String signature, byte[] body) {
        int eq = signature == null ? -1 : signature.indexOf('=');
        String algorithm = eq < 0 ? null : HMACS.get(signature.substring(0, eq).strip().toLowerCase(Locale.ROOT));
        if (algorithm == null) {
            return false;
        }
        byte[] sent = signature.substring(eq + 1).strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (byte[] key : keys) {
            // Every key is tried, so that the time taken does not tell which one matched.
            match |= MessageDigest.isEqual(HexFormat.of().formatHex(hmac(algorithm, key, body)).getBytes(StandardCharsets.US_ASCII),
                    sent);
        }
        return match;
    }

    /** Whether {@code authorization} is {@code Bearer <one of the keys>}. */
    public boolean bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && token(authorization.substring(7).strip());
    }

    /**
     * Whether {@code authorization} is {@code Basic base64(user:<one of the keys>)}: the password is the key, the user
     * any (Azure DevOps service hooks send basic authentication).
     */
    public boolean basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        return colon >= 0 && token(decoded.substring(colon + 1));
    }

    /** Whether a token sent as it is ({@code X-Gitlab-Token}) is one of the keys. */
    public boolean token(String sent) {
        if (sent == null) {
            return false;
        }
        // Compared as hashes: equal lengths, so that the comparison does not tell the key's length either.
        byte[] hash = sha256(sent.getBytes(StandardCharsets.UTF_8));
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(sha256(key), hash);
        }
        return match;
    }

    /** The SHA-256 of some bytes. */
    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java has " + algorithm, e);
        }
    }

    /** Masked: how many keys, never their bytes. */
    @Override
    public String toString() {
        return "HookKeys[" + keys.size() + " × ****]";
    }
}
