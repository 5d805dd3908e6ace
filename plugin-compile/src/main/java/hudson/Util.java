// Mirrors jenkinsci/jenkins core/src/main/java/hudson/Util.java (2.555 line): only the members the plugin uses.
// Checked against stored copies of the current class: "@CheckForNull public static String fixEmptyAndTrim(@CheckForNull
// String s)" (@since 1.154).
// Compile-only declaration: never packaged, no behaviour.
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public class Util {

    @CheckForNull
    public static String fixEmptyAndTrim(@CheckForNull String s) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
