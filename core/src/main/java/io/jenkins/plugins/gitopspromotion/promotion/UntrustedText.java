package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text read from a config repository (an old tag, a key, a file's name) or given by a caller (a build URL), as it goes
 * into a commit message, a pull request's title or its Markdown body: reviewers approve what these show, so a value
 * must never add a line (a forged trailer), close a code span or open a link.
 */
final class UntrustedText {

    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private UntrustedText() {
    }

    /** The text as it is when every character shows as itself on one line; else quoted, with the others escaped. */
    static String line(String text) {
        return InvalidImageReferenceException.firstUnprintable(text) < 0 ? text : InvalidImageReferenceException.quote(text);
    }

    /**
     * A Markdown code span showing {@link #line(String)} of the text literally: fenced by more backticks than any run
     * inside it (CommonMark's rule), with a '|' escaped so that it cannot split a table's cell.
     */
    static String code(String text) {
        String shown = line(text);
        int longest = 0;
        Matcher run = BACKTICKS.matcher(shown);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        String fence = "`".repeat(longest + 1);
        String pad = shown.startsWith("`") || shown.endsWith("`") ? " " : "";
        return fence + pad + shown.replace("|", "\\|") + pad + fence;
    }

    /** An http(s) URL as it is (Markdown links it), or as {@link #code(String) code} when it is none or could be read as more. */
    static String url(String url) {
        return isPlainUrl(url) ? url : code(url);
    }

    /** {@code [text](url)}, or the text followed by the URL as code when the URL is none or could be read as more. */
    static String link(String text, String url) {
        return isPlainUrl(url) ? "[" + text + "](" + url + ")" : text + " " + code(url);
    }

    /** An http(s) URL without a character that could end it, a link or a table's cell early in Markdown. */
    private static boolean isPlainUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && url.chars().noneMatch(c -> c <= ' ' || c >= 0x7F || "<>|`[]()\\\"'".indexOf(c) >= 0);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
