// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/util/Timer.java at release tag jenkins-2.555.3: only get(), the
// scheduled executor Jenkins runs timed tasks on (as SYSTEM), which gitopsWait polls on without holding a thread.
// shutdown() and the field are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package jenkins.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.ScheduledExecutorService;

public class Timer {

    @NonNull
    public static synchronized ScheduledExecutorService get() {
        return null;
    }
}
