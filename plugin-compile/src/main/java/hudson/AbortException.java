// Mirrors jenkinsci/jenkins core/src/main/java/hudson/AbortException.java at release tag jenkins-2.555.3: only the
// constructor the plugin uses, AbortException(String) (@since 1.298), which passes the message to IOException as
// upstream's does (offline tests read it). The no-argument constructor is left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson;

import java.io.IOException;

public class AbortException extends IOException {

    public AbortException(String message) {
        super(message);
    }
}
