// Mirrors jenkinsci/jenkins core/src/main/java/hudson/AbortException.java (2.555 line): only the members the plugin uses.
// Checked against the stored upstream copies: "public final class AbortException extends IOException" and
// "public AbortException(String message)" (@since 1.298; the oldest stored copy, commit
// 043504cd7e078fe29b7dc3db9121315d35d0a3fe, predates it). The no-argument constructor is not used by the plugin.
// Compile-only declaration: never packaged, no behaviour.
package hudson;

import java.io.IOException;

public final class AbortException extends IOException {

    public AbortException(String message) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
