// Mirrors jenkinsci/jenkins core/src/main/java/hudson/EnvVars.java (2.555 line): only the members the plugin uses.
// Checked against stored upstream copies found by text search:
// "public class EnvVars extends TreeMap<String, String>", "public String expand(String s)". The plugin reads variables
// through the inherited Map methods and passes EnvVars as a Map<String, String>.
// Compile-only declaration: never packaged, no behaviour.
package hudson;

import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {

    public String expand(String s) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
