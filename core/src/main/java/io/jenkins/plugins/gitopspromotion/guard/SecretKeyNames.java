package io.jenkins.plugins.gitopspromotion.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which keys name a secret: those whose last part is {@code password}, {@code passwd}, {@code secret},
 * {@code token}, or whose last two parts are {@code api key}, {@code access key}, {@code client secret} or
 * {@code private key}, in any case and any spelling: {@code dbPassword}, {@code DB_PASSWORD},
 * {@code client-secret}, {@code aws_secret_access_key}, {@code apiKey}, {@code api_key}, {@code apikey}.
 * Only the last part counts, so that {@code passwordSecretRef}, {@code tokenUrl} or {@code secretName}, which
 * name where a secret is rather than hold it, are not taken for one.
 */
final class SecretKeyNames {

    private static final Set<String> LAST = Set.of("password", "passwd", "secret", "token", "apikey", "accesskey",
            "clientsecret", "privatekey");
    private static final Set<String> LAST_TWO = Set.of("apikey", "accesskey", "clientsecret", "privatekey");

    private SecretKeyNames() {
    }

    /** Whether a key names a secret. */
    static boolean isSecret(String key) {
        List<String> parts = parts(key);
        if (parts.isEmpty()) {
            return false;
        }
        String last = parts.get(parts.size() - 1);
        return LAST.contains(last)
                || (parts.size() > 1 && LAST_TWO.contains(parts.get(parts.size() - 2) + last));
    }

    /**
     * Whether a key names a reference to a secret rather than a value: {@code secretKeyRef},
     * {@code passwordSecretRef}, {@code valueFrom}, {@code remoteRef}; what is under it is not scanned.
     */
    static boolean isReference(String key) {
        List<String> parts = parts(key);
        if (parts.isEmpty()) {
            return false;
        }
        String last = parts.get(parts.size() - 1);
        return last.equals("ref") || last.equals("refs") || key.equals("valueFrom");
    }

    /** The lower-case words of a key, split at separators and at camel-case humps. */
    static List<String> parts(String key) {
        List<String> parts = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean hump = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1));
            if (!Character.isLetterOrDigit(c) || hump) {
                flush(word, parts);
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            }
        }
        flush(word, parts);
        return parts;
    }

    private static void flush(StringBuilder word, List<String> parts) {
        if (word.length() > 0) {
            parts.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }
}
