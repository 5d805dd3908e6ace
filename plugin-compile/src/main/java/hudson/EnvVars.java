// Mirrors jenkinsci/jenkins core/src/main/java/hudson/EnvVars.java at release tag jenkins-2.555.3: only the members the
// plugin uses. Checked against the source at that tag: "public class EnvVars extends TreeMap<String, String>", "public
// String expand(String s)". The plugin reads variables through the inherited Map methods and passes EnvVars as a
// Map<String, String>. Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson;

import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {

    public String expand(String s) {
        return null;
    }
}
