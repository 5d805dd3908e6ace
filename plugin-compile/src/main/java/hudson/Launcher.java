// Mirrors jenkinsci/jenkins core/src/main/java/hudson/Launcher.java at release tag jenkins-2.555.3: only launch() and
// the members of the nested ProcStarter the plugin uses: cmds(List), masks(boolean...), pwd(String), envs(Map),
// readStdout() and start(). The protected constructors, the abstract launch(ProcStarter), launchChannel and kill, and
// the nested launcher classes are left out: the plugin only starts processes through the launcher it is given. Private
// constructors hide the implicit public ones of Launcher and ProcStarter.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
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
