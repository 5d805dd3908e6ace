// Mirrors jenkinsci/jenkins core/src/main/java/hudson/AbortException.java at release tag jenkins-2.555.3: only the
// members the plugin uses. Checked against the source at that tag: "public class AbortException extends
// IOException" and "public AbortException(String message)" (@since 1.298; the oldest the source at that tag, commit
// 043504cd7e078fe29b7dc3db9121315d35d0a3fe, predates it). The no-argument constructor is not used by the plugin.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson;

import java.io.IOException;

public final class AbortException extends IOException {

    public AbortException(String message) {
        super(message);
    }
}
