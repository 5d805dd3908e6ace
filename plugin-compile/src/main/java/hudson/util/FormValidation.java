// Mirrors jenkinsci/jenkins core/src/main/java/hudson/util/FormValidation.java at release tag jenkins-2.555.3: only the
// factories ok(), error(String) and warning(String). Stapler's HttpResponse is left out: the plugin only returns the
// object.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.util;

import java.io.IOException;

public abstract class FormValidation extends IOException {

    // Upstream's constructors are private too.
    private FormValidation() {
    }

    public static FormValidation ok() {
        return null;
    }

    public static FormValidation error(String message) {
        return null;
    }

    public static FormValidation warning(String message) {
        return null;
    }
}
