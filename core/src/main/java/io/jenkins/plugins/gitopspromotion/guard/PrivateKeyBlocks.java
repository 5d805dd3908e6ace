package io.jenkins.plugins.gitopspromotion.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Private key blocks in text: PKCS#8 ({@code BEGIN PRIVATE KEY}, also {@code ENCRYPTED PRIVATE KEY}), PKCS#1
 * and SEC1 ({@code BEGIN RSA/EC/DSA PRIVATE KEY}), OpenSSH ({@code BEGIN OPENSSH PRIVATE KEY}) and OpenPGP
 * ({@code BEGIN PGP PRIVATE KEY BLOCK}). Public keys, certificates and PGP messages (as in a SOPS file's
 * metadata) are not private and not matched. An encrypted key is still reported: it is key material that can
 * be attacked offline, and it has no business in a config repository either.
 */
final class PrivateKeyBlocks {

    /** A key block found: where its header starts and the whole block (to the footer, or the header alone). */
    record Match(int start, String block) {
    }

    private static final Pattern HEADER = Pattern.compile("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----");
    private static final Pattern FOOTER = Pattern.compile("-----END ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----");

    private PrivateKeyBlocks() {
    }

    /** Every private key block in a text, in order. */
    static List<Match> find(String text) {
        List<Match> found = new ArrayList<>();
        Matcher header = HEADER.matcher(text);
        int from = 0;
        while (header.find(from)) {
            Matcher footer = FOOTER.matcher(text);
            int end = footer.find(header.end()) ? footer.end() : header.end();
            found.add(new Match(header.start(), text.substring(header.start(), end)));
            from = end;
        }
        return found;
    }
}
