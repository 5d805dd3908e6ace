// Mirrors jenkinsci/jenkins core/src/main/java/hudson/Proc.java at release tag jenkins-2.555.3: only the members the
// plugin uses. Checked against the source at that tag: "public abstract class Proc" with "protected Proc() {}", "public
// abstract boolean isAlive() throws IOException, InterruptedException", "public abstract void kill() throws
// IOException, InterruptedException", "public abstract int join() throws IOException, InterruptedException" and "public
// abstract InputStream getStdout()" (since 1.399). The nested LocalProc/RemoteProc and the other streams are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson;

import java.io.IOException;
import java.io.InputStream;

public abstract class Proc {

    protected Proc() {
    }

    public abstract boolean isAlive() throws IOException, InterruptedException;

    public abstract void kill() throws IOException, InterruptedException;

    public abstract int join() throws IOException, InterruptedException;

    public abstract InputStream getStdout();
}
