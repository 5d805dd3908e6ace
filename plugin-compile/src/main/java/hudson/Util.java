// Mirrors jenkinsci/jenkins core/src/main/java/hudson/Util.java at release tag jenkins-2.555.3: only
// fixEmptyAndTrim(String), whose body does what upstream's does (null for null or blank, else the trimmed string),
// since the plugin's constructors and setters run it in offline tests.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public class Util {

    @CheckForNull
    public static String fixEmptyAndTrim(@CheckForNull String s) {
        // Upstream's behaviour (fixEmpty(s.trim())): the plugin's constructors and setters run it in offline tests.
        if (s == null) {
            return null;
        }
        String trimmed = s.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
