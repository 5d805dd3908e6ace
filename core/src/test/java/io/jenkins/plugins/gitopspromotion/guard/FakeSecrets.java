package io.jenkins.plugins.gitopspromotion.guard;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Secret-shaped test data, put together at run time: the test sources hold no contiguous token, key or
 * password, so that secret scanners do not flag this repository and nothing here could ever be a live
 * credential. The shapes follow the issuers' documented formats.
 */
final class FakeSecrets {

    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final String UPPER_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private FakeSecrets() {
    }

    /** A reproducible random string. */
    static String random(String alphabet, int length, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Random bytes in base64, like ciphertext or a key body. */
    static String base64(int bytes, long seed) {
        byte[] data = new byte[bytes];
        new Random(seed).nextBytes(data);
        return Base64.getEncoder().encodeToString(data);
    }

    static String base64Of(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A GitHub classic personal access token shape: ghp_ and 36 base62. */
    static String githubToken() {
        return "gh" + "p_" + random(BASE62, 36, 1);
    }

    /** A GitHub fine-grained token shape: github_pat_, 22, '_', 59. */
    static String githubFineGrained() {
        return "github" + "_pat_" + random(BASE62, 22, 2) + "_" + random(BASE62, 59, 3);
    }

    /** A GitLab personal access token shape of the 20-character kind. */
    static String gitlabToken() {
        return "gl" + "pat-" + random(BASE62 + "_-", 20, 4);
    }

    /** A GitLab routable token shape: payload, '.', version, '.', length and CRC. */
    static String gitlabRoutableToken() {
        return "gl" + "pat-" + random(BASE62, 38, 5) + ".01." + "0z" + random("0123456789abcdefghijklmnopqrstuvwxyz", 7, 6);
    }

    /** AWS's documented example access key id, AKIAIOSFODNN7EXAMPLE. */
    static String awsExampleKeyId() {
        return "AK" + "IA" + "IOSFODNN7" + "EXAMPLE";
    }

    /** A temporary (STS) access key id shape. */
    static String awsTemporaryKeyId() {
        return "AS" + "IA" + random(UPPER_ALNUM, 16, 7);
    }

    /** A Google API key shape: AIza and 35 characters. */
    static String googleApiKey() {
        return "AI" + "za" + random(BASE62 + "_-", 35, 8);
    }

    /** A Slack bot token shape. */
    static String slackBotToken() {
        return "xo" + "xb-" + random("0123456789", 12, 9) + "-" + random("0123456789", 13, 10) + "-"
                + random(BASE62, 24, 11);
    }

    /** An npm access token shape: npm_ and 36 base62. */
    static String npmToken() {
        return "np" + "m_" + random(BASE62, 36, 12);
    }

    /** An Azure DevOps personal access token shape: 76 characters, AZDO, 4 characters. */
    static String azureDevOpsToken() {
        return random(BASE62, 76, 13) + "AZ" + "DO" + random(BASE62, 4, 14);
    }

    /** A PEM private key block with a random body (no key at all, just its shape). */
    static String pemPrivateKey(String type, String indent) {
        String label = (type.isEmpty() ? "" : type + " ") + "PRIVATE" + " KEY";
        StringBuilder out = new StringBuilder(indent).append("-----BEGIN ").append(label).append("-----\n");
        String body = base64(600, 15);
        for (int i = 0; i < body.length(); i += 64) {
            out.append(indent).append(body, i, Math.min(body.length(), i + 64)).append('\n');
        }
        return out.append(indent).append("-----END ").append(label).append("-----\n").toString();
    }

    /** A password a person might choose, mixed classes, 19 characters. */
    static String humanPassword() {
        return "S3cr" + "etP@ss" + "w0rd!2024";
    }

    /** A generated credential: 32 base62 characters. */
    static String generatedSecret(long seed) {
        return random(BASE62, 32, seed);
    }
}
