package io.jenkins.plugins.gitopspromotion.yaml;

import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Writes a new value into an existing scalar in the scalar's own style (plain, single- or double-quoted),
 * and renders values for new entries. Written by hand because no YAML library edits one scalar in place:
 * emitters re-serialise whole documents, which is exactly what loses comments and formatting.
 */
public final class YamlScalars {

    /**
     * Plain values that a YAML 1.1 or 1.2 reader (Kubernetes' go-yaml, Helm, Kustomize) would not read back
     * as the same string: booleans, nulls, numbers in every notation, sexagesimals and timestamps.
     */
    private static final Pattern NOT_A_PLAIN_STRING = Pattern.compile(
            "(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
            + "|~|null|Null|NULL"
            + "|[-+]?(?:\\.[0-9]+|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
            + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"
            + "|[-+]?0b[01_]+|[-+]?0o?[0-7_]+|[-+]?0x[0-9a-fA-F_]+"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?"
            + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?)");

    private YamlScalars() {
    }

    /**
     * An edit that sets an existing scalar to {@code newValue}, keeping its quoting style (a plain scalar is
     * quoted only when the new value would otherwise be read as something else than a string).
     *
     * @param what the value's name for messages, e.g. {@code images[ghcr.io/acme/web].newTag}
     * @throws YamlEditException if the scalar cannot be changed safely: it is a block scalar, carries or
     *     lies inside an anchor, is explicitly tagged other than {@code !!str}, or holds a template expression
     */
    public static TextEdit replace(YamlFile file, ScalarNode node, String newValue, String what) {
        refuseUnsafe(file, node, what);
        int start = contentStart(file, node);
        int end = file.end(node);
        String text = file.source().text();
        if (start == end && node.getScalarStyle() == ScalarStyle.PLAIN) {
            // An empty value (`tag:`) ends right after the colon; keep YAML's required space.
            boolean needsSpace = start > 0 && text.charAt(start - 1) != ' ' && text.charAt(start - 1) != '\t';
            return TextEdit.insert(start, (needsSpace ? " " : "") + render(newValue));
        }
        String rendered = switch (node.getScalarStyle()) {
            case SINGLE_QUOTED -> singleQuoted(newValue);
            case DOUBLE_QUOTED -> doubleQuoted(newValue);
            default -> render(newValue);
        };
        return new TextEdit(start, end, rendered);
    }

    /**
     * Refuses a scalar that cannot be changed safely.
     *
     * @throws YamlEditException naming the value and the reason
     */
    public static void refuseUnsafe(YamlFile file, ScalarNode node, String what) {
        ScalarStyle style = node.getScalarStyle();
        if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
            throw file.problem(node, "refused: " + what + " is a block scalar ('" + (style == ScalarStyle.LITERAL ? "|" : ">")
                    + "'); change it by hand or make it a one-line value");
        }
        Optional<String> anchor = file.anchorAround(node);
        if (anchor.isPresent()) {
            throw file.problem(node, "refused: " + what + " is or lies inside the anchor &" + anchor.get()
                    + "; changing it would also change every alias (*" + anchor.get() + ") of it");
        }
        int content = contentStart(file, node);
        if (content > file.start(node) && !Tag.STR.equals(node.getTag())) {
            // Splicing text into, say, a !!binary value keeps the tag and writes a value that is not base64.
            String tag = file.source().text().substring(file.start(node), content).strip();
            throw file.problem(node, "refused: " + what + " is explicitly tagged " + tag + ", so it is not plain text;"
                    + " remove the tag (or write !!str) to have it changed");
        }
        if (node.getValue().contains("{{")) {
            throw file.problem(node, "refused: " + what + " is a template expression ('" + node.getValue()
                    + "'); promote into the values the template reads instead");
        }
    }

    /** Renders a value for a new entry: plain when that reads back as the same string, else double-quoted. */
    public static String render(String value) {
        return needsQuotes(value) ? doubleQuoted(value) : value;
    }

    /** Whether a plain scalar with this text would not read back as the same string in every context. */
    public static boolean needsQuotes(String value) {
        if (value.isEmpty() || NOT_A_PLAIN_STRING.matcher(value).matches()) {
            return true;
        }
        char first = value.charAt(0);
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0 || Character.isWhitespace(first)
                || Character.isWhitespace(value.charAt(value.length() - 1))) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // Flow indicators would end the scalar inside [..] or {..}; ": " and " #" start a value or comment.
            if (c < 0x20 || ",[]{}".indexOf(c) >= 0 || c == ':' && (i + 1 == value.length() || value.charAt(i + 1) == ' ')
                    || c == '#' && value.charAt(i - 1) == ' ') {
                return true;
            }
        }
        return false;
    }

    /** Double-quoted YAML with the escapes YAML requires. */
    public static String doubleQuoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Single-quoted YAML; a line break cannot be written in one line, so such values go double-quoted. */
    public static String singleQuoted(String value) {
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            return doubleQuoted(value);
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /** Where the scalar's own text starts, after any tag ({@code !!str}) written before it. */
    private static int contentStart(YamlFile file, ScalarNode node) {
        String text = file.source().text();
        int pos = file.start(node);
        int end = file.end(node);
        while (pos < end && text.charAt(pos) == '!') {
            while (pos < end && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            while (pos < end && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }
        return pos;
    }
}
