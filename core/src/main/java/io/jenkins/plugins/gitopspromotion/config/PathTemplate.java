package io.jenkins.plugins.gitopspromotion.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A relative, {@code /}-separated path in the config repository with the placeholders {@code {app}} and
 * {@code {env}}, such as {@code apps/{app}/overlays/{env}} or {@code values-{env}.yaml}.
 *
 * <p>Parsing refuses anything that could point outside the repository or mean different things on different
 * systems: absolute paths, drive letters, backslashes, {@code .} and {@code ..} segments, empty segments and
 * {@code .git}. A single trailing {@code /} is tolerated and dropped. Since the placeholders are filled with
 * valid names only (see {@link #expand}), an expanded template cannot leave the repository either.
 */
public final class PathTemplate {

    /** The placeholder for the app's name. */
    public static final String APP = "{app}";
    /** The placeholder for the environment's name. */
    public static final String ENV = "{env}";

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

    private final String written;
    private final String normalized;

    private PathTemplate(String written, String normalized) {
        this.written = written;
        this.normalized = normalized;
    }

    /**
     * Parses a template.
     *
     * @param text the template as written in the config
     * @return the template
     * @throws IllegalArgumentException with a message quoting the template and saying what is wrong
     */
    public static PathTemplate parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a path must not be empty");
        }
        String quoted = "path " + Names.quote(text);
        if (!text.strip().equals(text)) {
            throw new IllegalArgumentException(quoted + " starts or ends with whitespace");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(quoted + " contains a control character");
        }
        if (text.indexOf('\\') >= 0) {
            // A backslash is a separator on Windows and an ordinary character elsewhere: refuse the ambiguity.
            throw new IllegalArgumentException(quoted + " contains '\\'; separate folders with '/'");
        }
        if (text.startsWith("/") || DRIVE.matcher(text).matches()) {
            throw new IllegalArgumentException(quoted + " is absolute; paths are relative to the repository root");
        }
        checkBraces(text, quoted);
        String normalized = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        if (normalized.isEmpty() || normalized.endsWith("/")) {
            throw new IllegalArgumentException(quoted + " has an empty segment ('//')");
        }
        for (String segment : normalized.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException(quoted + " has an empty segment ('//')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(quoted + " has a '" + segment
                        + "' segment; write the path from the repository root without '.' or '..'");
            }
            if (segment.equals(".git")) {
                throw new IllegalArgumentException(quoted + " points into '.git', which is not part of the config");
            }
        }
        return new PathTemplate(text, normalized);
    }

    private static void checkBraces(String text, String quoted) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                throw new IllegalArgumentException(quoted + " has a '}' without '{' at index " + i);
            }
            if (c == '{') {
                int close = text.indexOf('}', i + 1);
                int nextOpen = text.indexOf('{', i + 1);
                if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                    throw new IllegalArgumentException(quoted + " has a '{' without '}' at index " + i);
                }
                String placeholder = text.substring(i, close + 1);
                if (!placeholder.equals(APP) && !placeholder.equals(ENV)) {
                    throw new IllegalArgumentException(quoted + " has the unknown placeholder "
                            + Names.quote(placeholder) + "; the placeholders are {app} and {env}");
                }
                i = close + 1;
            } else {
                i++;
            }
        }
    }

    /**
     * The path for one app in one environment.
     *
     * @throws IllegalArgumentException if a name is not a valid app or environment name (it could otherwise
     *     smuggle a {@code /} or {@code ..} into the path)
     */
    public String expand(String app, String env) {
        requireName("app", app);
        requireName("environment", env);
        return normalized.replace(APP, app).replace(ENV, env);
    }

    private static void requireName(String what, String name) {
        Objects.requireNonNull(name, what);
        String problem = Names.problem(name);
        if (problem != null) {
            throw new IllegalArgumentException(what + " " + problem);
        }
    }

    /** Whether the template contains {@code {app}}. */
    public boolean usesApp() {
        return normalized.contains(APP);
    }

    /** Whether the template contains {@code {env}}. */
    public boolean usesEnv() {
        return normalized.contains(ENV);
    }

    /** The template without a trailing {@code /}. */
    public String normalized() {
        return normalized;
    }

    /** The template as written. */
    @Override
    public String toString() {
        return written;
    }

    /** Equal when the {@linkplain #normalized() normalized} templates are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PathTemplate p && p.normalized.equals(normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }
}
