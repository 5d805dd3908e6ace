package io.jenkins.plugins.gitopspromotion.build;

import java.nio.file.Path;

/**
 * A folder or file put into the image at an absolute path, as {@code --layer SRC:DEST} says (Jib builds only).
 *
 * @param source the folder or file on this machine
 * @param destination the absolute path in the image, e.g. {@code /app}
 */
public record Layer(Path source, String destination) {

    /** Checks that the destination is absolute. */
    public Layer {
        if (!destination.startsWith("/")) {
            throw new IllegalArgumentException("a layer's destination must be an absolute path in the image, not '"
                    + destination + "'");
        }
    }

    /**
     * Parses {@code SRC:DEST}; the last colon separates them, so a source may hold colons.
     *
     * @throws IllegalArgumentException if there is no colon or either side is empty
     */
    public static Layer parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("a layer is SRC:DEST, e.g. build/app:/app, not '" + text + "'");
        }
        return new Layer(Path.of(text.substring(0, colon)), text.substring(colon + 1));
    }
}
