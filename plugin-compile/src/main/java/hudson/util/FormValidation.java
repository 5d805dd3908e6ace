// Mirrors jenkinsci/jenkins core/src/main/java/hudson/util/FormValidation.java at release tag jenkins-2.555.3: only the
// members the plugin uses. Checked against the source at that tag: "public abstract class FormValidation extends
// IOException implements HttpResponse", "public static FormValidation ok()", "public static FormValidation error(String
// message)". Stapler's HttpResponse is left out (no Stapler jar here; the plugin only returns the object). Compile-only
// declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.util;

import java.io.IOException;

public abstract class FormValidation extends IOException {

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
