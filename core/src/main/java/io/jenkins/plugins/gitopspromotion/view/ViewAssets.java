package io.jenkins.plugins.gitopspromotion.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The page's files, packaged in this jar for {@code serve} and the Jenkins plugin alike: {@code view.js} and
 * {@code view.css} are served as they are; {@code index.html} is the page {@code serve} fills in (Jenkins renders
 * its own mount element with the same {@code data-*} attributes).
 */
public final class ViewAssets {

    /** The static files and their content types. */
    public static final Map<String, String> STATIC = Map.of(
            "view.js", "text/javascript; charset=utf-8",
            "view.css", "text/css; charset=utf-8");

    private ViewAssets() {
    }

    /** A static file by name ({@link #STATIC}), or empty for any other name. */
    public static Optional<byte[]> file(String name) {
        return STATIC.containsKey(name) ? Optional.of(read(name)) : Optional.empty();
    }

    /**
     * The page, with its settings as attributes of the mount element (HTML-escaped).
     *
     * @param assets the URL {@code view.js} and {@code view.css} are under, ending with {@code /} (or empty)
     * @param base the URL the {@code api/} endpoints are relative to, ending with {@code /} (or empty)
     * @param crumbHeader the header every POST sends the crumb in, or empty for none
     * @param crumb the crumb, or empty
     * @param readOnly whether the page hides the actions
     */
    public static String page(String assets, String base, String crumbHeader, String crumb, boolean readOnly) {
        return new String(read("index.html"), StandardCharsets.UTF_8)
                .replace("{{assets}}", escape(assets))
                .replace("{{base}}", escape(base))
                .replace("{{crumbHeader}}", escape(crumbHeader))
                .replace("{{crumb}}", escape(crumb))
                .replace("{{readOnly}}", String.valueOf(readOnly));
    }

    /** Text made safe inside an HTML attribute value in double quotes. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&#39;");
    }

    private static byte[] read(String name) {
        try (InputStream in = ViewAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the view's " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the view's " + name + " could not be read", e);
        }
    }
}
