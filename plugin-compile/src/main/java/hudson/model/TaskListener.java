// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/TaskListener.java at release tag jenkins-2.555.3: only the
// members the plugin uses. Checked against the source at that tag"; current core annotates it @NonNull and extends
// SerializableOnlyOverRemoting, left out here). Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.PrintStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public interface TaskListener extends SerializableOnlyOverRemoting {

    @NonNull
    PrintStream getLogger();
}
