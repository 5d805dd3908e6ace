package io.jenkins.plugins.gitopspromotion.promotion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The name of a branch a promotion pushes outside {@code commit} mode: {@code gitops-promotion/<env>/<app>} for one app,
 * {@code gitops-promotion/<env>/_bundle-<hash>} for a bundle of several (the hash of the apps' names, so that the same
 * apps promoted together again reuse their branch). App names start with a letter or digit, so a bundle's never clashes
 * with an app's.
 *
 * @param env the environment
 * @param app the app, or empty for a bundle's branch
 */
public record PromotionBranch(String env, Optional<String> app) {

    /** The prefix every promotion branch lives under. */
    public static final String PREFIX = "gitops-promotion/";

    /** What a bundle's last name part starts with. */
    static final String BUNDLE = "_bundle-";

    /** The branch of one app in an environment. */
    public static String of(String env, String app) {
        return PREFIX + env + "/" + app;
    }

    /** The branch of a bundle of apps (in any order) in an environment. */
    public static String bundle(String env, List<String> apps) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.join("\n", apps.stream().sorted().toList())
                    .getBytes(StandardCharsets.UTF_8));
            return PREFIX + env + "/" + BUNDLE + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The parts of a promotion branch's name, or empty when the name is not one. */
    public static Optional<PromotionBranch> parse(String branch) {
        if (!branch.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = branch.substring(PREFIX.length()).split("/");
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PromotionBranch(parts[0], parts[1].startsWith(BUNDLE) ? Optional.empty() : Optional.of(parts[1])));
    }
}
