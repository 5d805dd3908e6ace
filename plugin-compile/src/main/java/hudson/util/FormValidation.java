// Mirrors jenkinsci/jenkins core/src/main/java/hudson/util/FormValidation.java (2.555 line): only the members the plugin
// uses. Checked against stored copies: "public abstract class FormValidation extends IOException implements
// HttpResponse", "public static FormValidation ok()", "public static FormValidation error(String message)". Stapler's
// HttpResponse is left out (no Stapler jar here; the plugin only returns the object).
// Compile-only declaration: never packaged, no behaviour.
package hudson.util;

import java.io.IOException;

public abstract class FormValidation extends IOException {

    public static FormValidation ok() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
