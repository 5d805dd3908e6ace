// Mirrors jenkinsci/jenkins core/src/main/java/hudson/EnvVars.java at release tag jenkins-2.555.3: only expand(String);
// the plugin reads and sets variables through the inherited TreeMap methods.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson;

import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {

    public String expand(String s) {
        return null;
    }
}
