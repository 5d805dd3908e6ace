// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/TaskListener.java (2.555 line): only the members the plugin
// uses. Checked against the stored copy at commit 0de34373dc4e837c5b32f9c81331d650a55e6342 ("PrintStream getLogger()";
// current core annotates it @NonNull and extends SerializableOnlyOverRemoting, left out here).
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.PrintStream;

public interface TaskListener {

    @NonNull
    PrintStream getLogger();
}
