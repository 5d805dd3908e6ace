// Mirrors jenkinsci/jenkins core/src/main/java/hudson/Proc.java at release tag jenkins-2.555.3: the protected
// constructor and only the abstract methods the plugin uses: isAlive(), kill(), join() and getStdout(). The abstract
// getStderr() and getStdin() and the nested LocalProc and RemoteProc are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.io.InputStream;

public abstract class Proc {

    protected Proc() {
    }

    public abstract boolean isAlive() throws IOException, InterruptedException;

    public abstract void kill() throws IOException, InterruptedException;

    public abstract int join() throws IOException, InterruptedException;

    @CheckForNull
    public abstract InputStream getStdout();
}
