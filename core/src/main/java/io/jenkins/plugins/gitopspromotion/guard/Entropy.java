package io.jenkins.plugins.gitopspromotion.guard;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a value looks random enough to be a generated credential, by its Shannon entropy in bits per
 * character.
 *
 * <p>The numbers, and why: a value must be at least {@value #MIN_LENGTH} characters long, because below that
 * entropy cannot tell a random string from a word (n characters have at most log2(n) bits each: 3.58 for 12),
 * and generated credentials are at least that long. It must then reach {@value #THRESHOLD} bits per character:
 * a 16-character string drawn at random from base62 or base64 does so in 95% of draws (mean 3.8, and from 20
 * characters on in more than 99%), while words, placeholders and phrases stay below ({@code please-change-me}
 * 3.25, {@code changeme} 2.75). Hexadecimal has only 16 symbols, so random hex sits lower (mean 3.6 at 32
 * characters): an all-hex value needs {@value #HEX_THRESHOLD}, the limit detect-secrets also uses for hex. A value
 * made of words only ({@code replace-with-real-password}, {@code my-database-password}) is not random whatever
 * its entropy. Absolute paths ({@code /var/run/secrets/token}) name a file, not a secret.
 */
final class Entropy {

    /** Shortest value considered. */
    static final int MIN_LENGTH = 16;
    /** Bits per character a value must reach. */
    static final double THRESHOLD = 3.5;
    /** Bits per character an all-hexadecimal value must reach. */
    static final double HEX_THRESHOLD = 3.0;

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    /** Words (lower-case, capitalised or upper-case) joined by separators: a phrase or a name, not a key. */
    private static final Pattern WORDS = Pattern.compile("(?:[A-Za-z][a-z]*|[A-Z]+)(?:[-_. ](?:[A-Za-z][a-z]*|[A-Z]+))+");
    private static final Pattern PATH = Pattern.compile("/[\\w.@-]+(?:/[\\w.@-]+)*/?");

    private Entropy() {
    }

    /** The Shannon entropy of a text, in bits per character (code point). */
    static double bitsPerCharacter(String text) {
        Map<Integer, Integer> counts = new HashMap<>();
        text.codePoints().forEach(cp -> counts.merge(cp, 1, Integer::sum));
        int length = text.codePointCount(0, text.length());
        double bits = 0;
        for (int count : counts.values()) {
            double p = (double) count / length;
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }

    /** Whether a value is long and random enough to be a generated secret. */
    static boolean isHigh(String value) {
        String text = value.strip();
        if (text.codePointCount(0, text.length()) < MIN_LENGTH || WORDS.matcher(text).matches()
                || PATH.matcher(text).matches()) {
            return false;
        }
        double bits = bitsPerCharacter(text);
        return bits >= (HEX.matcher(text).matches() ? HEX_THRESHOLD : THRESHOLD);
    }
}
