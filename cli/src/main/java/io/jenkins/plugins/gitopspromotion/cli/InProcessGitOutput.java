package io.jenkins.plugins.gitopspromotion.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Set;

/**
 * Standard error without what JGit's in-process Git servers print. A repository on this machine is fetched from and
 * pushed to by upload-pack and receive-pack running in threads of this process, and when their side fails (a full
 * disk cuts the pipe) they print a stack trace there: the promotion reports the same failure in one line of its own.
 */
final class InProcessGitOutput extends FilterOutputStream {

    /** The threads JGit's local transport runs its servers in. */
    private static final Set<String> SERVER_THREADS = Set.of("JGit-Upload-Pack", "JGit-Receive-Pack");

    private InProcessGitOutput(OutputStream out) {
        super(out);
    }

    /** {@code err}, with nothing written by JGit's in-process servers. */
    static PrintStream filtering(PrintStream err) {
        return new PrintStream(new InProcessGitOutput(err), true, Charset.defaultCharset());
    }

    @Override
    public void write(int b) throws IOException {
        if (!fromServerThread()) {
            out.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (!fromServerThread()) {
            out.write(b, off, len);
        }
    }

    private static boolean fromServerThread() {
        return SERVER_THREADS.contains(Thread.currentThread().getName());
    }
}
