// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/TaskListener.java at release tag jenkins-2.555.3: only
// getLogger() (@NonNull), with upstream's supertype SerializableOnlyOverRemoting. The constant NULL and the default
// methods (getCharset, annotate, hyperlink, error and others) are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.PrintStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public interface TaskListener extends SerializableOnlyOverRemoting {

    @NonNull
    PrintStream getLogger();
}
