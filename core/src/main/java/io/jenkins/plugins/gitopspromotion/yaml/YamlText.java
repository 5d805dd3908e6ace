package io.jenkins.plugins.gitopspromotion.yaml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a YAML file as decoded from its bytes, with what is needed to write it back byte for byte:
 * whether it starts with a UTF-8 byte order mark, which line break it uses and whether it ends with one.
 * Files are UTF-8 only (as Kubernetes and Helm read them); anything else is refused rather than guessed.
 */
public final class YamlText {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String path;
    private final String text;
    private final boolean bom;
    private final String lineBreak;

    private YamlText(String path, String text, boolean bom) {
        this.path = path;
        this.text = text;
        this.bom = bom;
        int lf = text.indexOf('\n');
        this.lineBreak = lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
    }

    /**
     * Decodes a file's bytes.
     *
     * @param path the file's path, for messages
     * @throws YamlEditException if the file is too large, not UTF-8, or contains characters YAML forbids
     */
    public static YamlText decode(String path, byte[] bytes, YamlLimits limits) {
        if (bytes.length > limits.maxBytes()) {
            throw new YamlEditException(path, 0, "file is " + bytes.length + " bytes, over the limit of "
                    + limits.maxBytes() + " bytes for a YAML file");
        }
        if (startsWith(bytes, new byte[] {(byte) 0xFE, (byte) 0xFF})
                || startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xFE})) {
            throw new YamlEditException(path, 0, "file is UTF-16 or UTF-32 encoded; only UTF-8 is supported");
        }
        boolean bom = startsWith(bytes, UTF8_BOM);
        int offset = bom ? UTF8_BOM.length : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new YamlEditException(path, lineOfFirstBadByte(bytes, offset), "file is not valid UTF-8");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // YAML's printable set excludes C0 and C1 controls other than tab, line breaks and NEL, and DEL; such
            // characters mean a binary or corrupted file, or an attempt to smuggle invisible content.
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F && c != 0x85)
                    || (c == '\uFEFF' && i > 0)) {
                throw new YamlEditException(path, lineOf(text, i),
                        String.format("file contains the control character U+%04X, which YAML does not allow", (int) c));
            }
        }
        return new YamlText(path, text, bom);
    }

    /** Wraps text already in memory (as a UTF-8 file without byte order mark). */
    public static YamlText of(String path, String text) {
        return new YamlText(path, text, false);
    }

    /** The file's path in the repository, for messages. */
    public String path() {
        return path;
    }

    /** The decoded text, without byte order mark. */
    public String text() {
        return text;
    }

    /** Whether the file starts with a UTF-8 byte order mark. */
    public boolean hasBom() {
        return bom;
    }

    /** The file's line break: {@code "\r\n"} when its first line ends so, else {@code "\n"}. */
    public String lineBreak() {
        return lineBreak;
    }

    /** Whether the text ends with a line break (an empty text counts as ending with one). */
    public boolean endsWithLineBreak() {
        return text.isEmpty() || text.endsWith("\n");
    }

    /** The 1-based line of a {@code char} offset into the text. */
    public int lineOf(int offset) {
        return lineOf(text, offset);
    }

    /** Encodes new text of this file the way the file was encoded (UTF-8, with its byte order mark if any). */
    public byte[] encode(String newText) {
        byte[] body = newText.getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return body;
        }
        byte[] out = new byte[UTF8_BOM.length + body.length];
        System.arraycopy(UTF8_BOM, 0, out, 0, UTF8_BOM.length);
        System.arraycopy(body, 0, out, UTF8_BOM.length, body.length);
        return out;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineOfFirstBadByte(byte[] bytes, int offset) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        decoder.decode(in, out, true);
        int line = 1;
        for (int i = offset; i < in.position(); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
