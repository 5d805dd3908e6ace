// Mirrors jenkinsci/jenkins core/src/main/java/hudson/Launcher.java at release tag jenkins-2.555.3: only the members
// the plugin uses. Checked against the source at that tag", the "public final class ProcStarter" builder since 1.311
// with cmds(List<String>), envs(@NonNull Map<String, String>), pwd(@NonNull File), readStdout() since 1.399 and "public
// Proc start() throws IOException", and "public static class LocalLauncher extends Launcher" with "public
// LocalLauncher(@NonNull TaskListener listener)"). Upstream's constructors are protected (TaskListener, VirtualChannel)
// and (Launcher); the abstract members launch(ProcStarter), launchChannel and kill are left out: the plugin only
// creates a LocalLauncher and starts a process through it. Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.util.List;
import java.util.Map;

public abstract class Launcher {

    // Upstream's constructors are protected and take a TaskListener and a channel, or a Launcher to wrap; the plugin
    // makes no launcher, so this one only hides the implicit public constructor.
    private Launcher() {
    }

    @NonNull
    public final ProcStarter launch() {
        return null;
    }

    public final class ProcStarter {

        private ProcStarter() {
        }

        public ProcStarter cmds(List<String> args) {
            return null;
        }

        public ProcStarter masks(@CheckForNull boolean... masks) {
            return null;
        }

        public ProcStarter pwd(@NonNull String workDir) {
            return null;
        }

        public ProcStarter envs(@NonNull Map<String, String> overrides) {
            return null;
        }

        public ProcStarter readStdout() {
            return null;
        }

        public Proc start() throws IOException {
            return null;
        }
    }
}
