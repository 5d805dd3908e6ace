// Mirrors jenkinsci/jenkins core/src/main/java/hudson/Launcher.java (2.555 line): only the members the plugin uses.
// Checked against the stored current copy (the one with "@NonNull public final ProcStarter launch()", the
// "public final class ProcStarter" builder since 1.311 with cmds(List<String>), envs(@NonNull Map<String, String>),
// pwd(@NonNull File), readStdout() since 1.399 and "public Proc start() throws IOException", and
// "public static class LocalLauncher extends Launcher" with "public LocalLauncher(@NonNull TaskListener listener)").
// Upstream's constructors are protected (TaskListener, VirtualChannel) and (Launcher); the abstract members
// launch(ProcStarter), launchChannel and kill are left out: the plugin only creates a LocalLauncher and starts a
// process through it.
// Compile-only declaration: never packaged, no behaviour.
package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

public abstract class Launcher {

    protected Launcher(@NonNull Launcher launcher) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @NonNull
    public final ProcStarter launch() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public final class ProcStarter {

        private ProcStarter() {
            throw new UnsupportedOperationException("compile-only declaration");
        }

        public ProcStarter cmds(List<String> args) {
            throw new UnsupportedOperationException("compile-only declaration");
        }

        public ProcStarter pwd(@NonNull File workDir) {
            throw new UnsupportedOperationException("compile-only declaration");
        }

        public ProcStarter envs(@NonNull Map<String, String> overrides) {
            throw new UnsupportedOperationException("compile-only declaration");
        }

        public ProcStarter readStdout() {
            throw new UnsupportedOperationException("compile-only declaration");
        }

        public Proc start() throws IOException {
            throw new UnsupportedOperationException("compile-only declaration");
        }
    }

    public static class LocalLauncher extends Launcher {

        public LocalLauncher(@NonNull TaskListener listener) {
            super((Launcher) null);
            throw new UnsupportedOperationException("compile-only declaration");
        }
    }
}
