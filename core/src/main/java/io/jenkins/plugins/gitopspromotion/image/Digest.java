package io.jenkins.plugins.gitopspromotion.image;

import java.util.Locale;
import java.util.Objects;

/**
 * A content digest of an image manifest, such as {@code sha256:<64 hex digits>}.
 *
 * <p>Only {@code sha256} (64 hex digits) and {@code sha512} (128 hex digits) are accepted, and only in lowercase.
 * The OCI grammar allows other algorithms and registries resolve only these two; refusing the rest up front
 * gives the user a clear message instead of a later "manifest unknown". Requiring lowercase keeps exactly one
 * written form per digest, so comparing the rendered text is comparing the digest.
 *
 * <p>Instances are immutable.
 */
public final class Digest {

    private static final String SHA256 = "sha256";
    private static final String SHA512 = "sha512";
    private static final int SHA256_HEX_DIGITS = 64;
    private static final int SHA512_HEX_DIGITS = 128;
    private static final int SHORT_FORM_HEX_DIGITS = 12;
    /** Algorithm names up to this length are shown bare in messages; anything else is quoted. */
    private static final int MAX_BARE_ALGORITHM_LENGTH = 32;

    private static final String EXAMPLE = "a digest looks like sha256:<64 lowercase hex digits>";

    private final String algorithm;
    private final String hex;

    private Digest(String algorithm, String hex) {
        this.algorithm = algorithm;
        this.hex = hex;
    }

    /**
     * Parses {@code algorithm:hex}.
     *
     * @param digest the digest text, for example {@code sha256:4f1e...}
     * @return the digest
     * @throws InvalidImageReferenceException if it is not a lowercase sha256 or sha512 digest of the right length
     * @throws NullPointerException if {@code digest} is {@code null}
     */
    public static Digest parse(String digest) {
        Objects.requireNonNull(digest, "digest");
        String problem = problem(digest);
        if (problem != null) {
            throw new InvalidImageReferenceException("digest", digest, problem);
        }
        return parseValid(digest);
    }

    /** Splits a digest that {@link #problem(String)} has accepted. */
    static Digest parseValid(String digest) {
        int colon = digest.indexOf(':');
        return new Digest(digest.substring(0, colon), digest.substring(colon + 1));
    }

    /**
     * Checks a digest without throwing, so {@link ImageReference} can report the problem against the whole
     * reference.
     *
     * @return {@code null} when valid, otherwise the rest of a sentence starting after the quoted digest
     */
    static String problem(String digest) {
        int colon = digest.indexOf(':');
        if (colon < 0) {
            return "has no ':' between algorithm and hex digits; " + EXAMPLE;
        }
        String algorithm = digest.substring(0, colon);
        String hex = digest.substring(colon + 1);
        if (algorithm.isEmpty()) {
            return "has no algorithm before ':'; " + EXAMPLE;
        }
        int expected;
        if (algorithm.equals(SHA256)) {
            expected = SHA256_HEX_DIGITS;
        } else if (algorithm.equals(SHA512)) {
            expected = SHA512_HEX_DIGITS;
        } else if (algorithm.equalsIgnoreCase(SHA256) || algorithm.equalsIgnoreCase(SHA512)) {
            return "uses unsupported digest algorithm " + algorithm
                    + " (algorithm names are lowercase: write " + algorithm.toLowerCase(Locale.ROOT) + ")";
        } else {
            return "uses unsupported digest algorithm " + showAlgorithm(algorithm)
                    + "; supported are sha256 (64 hex digits) and sha512 (128 hex digits)";
        }
        if (hex.isEmpty()) {
            return "has no hex digits after '" + algorithm + ":'; " + EXAMPLE;
        }
        boolean upper = false;
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (c >= 'A' && c <= 'F') {
                upper = true;
            } else if (!isLowerHex(c)) {
                return "contains " + InvalidImageReferenceException.quote(String.valueOf(c))
                        + " at index " + (algorithm.length() + 1 + i) + ", which is not a hex digit (0-9, a-f)";
            }
        }
        if (upper) {
            // Registries compare digests as strings, so an uppercase digest would never match its manifest.
            return "uses uppercase hex digits; uppercase hex not allowed, write them in lowercase";
        }
        if (hex.length() != expected) {
            return "has " + hex.length() + " hex digits, " + algorithm + " needs " + expected;
        }
        return null;
    }

    private static boolean isLowerHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** Shows a plausible algorithm name bare, as in "unsupported digest algorithm md5", and anything else quoted. */
    private static String showAlgorithm(String algorithm) {
        if (algorithm.length() > MAX_BARE_ALGORITHM_LENGTH) {
            return InvalidImageReferenceException.quote(algorithm);
        }
        for (int i = 0; i < algorithm.length(); i++) {
            char c = algorithm.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '.' || c == '_' || c == '-';
            if (!plain) {
                return InvalidImageReferenceException.quote(algorithm);
            }
        }
        return algorithm;
    }

    /** The algorithm, {@code sha256} or {@code sha512}. */
    public String algorithm() {
        return algorithm;
    }

    /** The hex digits, lowercase: 64 for sha256, 128 for sha512. */
    public String hex() {
        return hex;
    }

    /** The first 12 hex digits, without the algorithm, for showing in views where the full digest is too long. */
    public String shortForm() {
        return hex.substring(0, SHORT_FORM_HEX_DIGITS);
    }

    /** {@code sha256:0123456789ab}: the algorithm and the short form, for labels people read. */
    public String shortLabel() {
        return algorithm + ":" + shortForm();
    }

    /** {@code algorithm:hex}, the form {@link #parse(String)} accepts. */
    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Digest)) {
            return false;
        }
        Digest other = (Digest) o;
        return algorithm.equals(other.algorithm) && hex.equals(other.hex);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + hex.hashCode();
    }
}
