package io.jenkins.plugins.gitopspromotion.promotion;

/**
 * A promotion cannot be planned or carried out. The message is written for the user and names the app, the
 * environment and the file concerned; nothing has been written when this is thrown.
 */
public class PromotionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public PromotionException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public PromotionException(String message, Throwable cause) {
        super(message, cause);
    }
}
