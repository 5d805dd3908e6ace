package io.jenkins.plugins.gitopspromotion.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Repository;

/**
 * The real {@code git daemon} on loopback, serving the bare repositories {@code ROOT/NAME.git} at
 * {@code git://127.0.0.1:PORT/NAME.git}, anonymously, with push enabled. Tests guard on {@link #gitInstalled()}.
 */
public final class GitDaemon implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(10);
    /** Another process may take the free port between probing and the daemon binding it. */
    private static final int ATTEMPTS = 3;

    private static volatile Boolean installed;

    private final RepositoryRegistry repositories;
    private final Path log;
    private final Process process;
    private final int port;

    private GitDaemon(RepositoryRegistry repositories, Path log, Process process, int port) {
        this.repositories = repositories;
        this.log = log;
        this.process = process;
        this.port = port;
    }

    /** Whether {@code git --version} runs, i.e. the daemon can be started. */
    public static boolean gitInstalled() {
        if (installed == null) {
            installed = probeGit();
        }
        return installed;
    }

    private static boolean probeGit() {
        try {
            Process git = new ProcessBuilder("git", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!git.waitFor(10, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return false;
            }
            return git.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts {@code git daemon} on a free loopback port and waits until it accepts connections.
     *
     * @param root the folder holding the bare repositories (created if missing)
     * @return the running daemon; close it to stop it
     * @throws IOException if it does not start within 10 seconds (the message holds its stderr)
     */
    public static GitDaemon start(Path root) throws IOException {
        RepositoryRegistry repositories = new RepositoryRegistry(root);
        IOException failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Path log = Files.createTempFile("git-daemon", ".log");
            int port = freePort();
            Process process = launch(repositories.root(), port, log);
            try {
                awaitListening(process, port, log);
                return new GitDaemon(repositories, log, process, port);
            } catch (IOException e) {
                stop(process);
                Files.deleteIfExists(log);
                failure = e;
            }
        }
        repositories.close();
        throw failure;
    }

    private static Process launch(Path root, int port, Path log) throws IOException {
        List<String> command = List.of("git", "daemon", "--reuseaddr", "--informative-errors",
                "--base-path=" + root, "--export-all", "--enable=receive-pack",
                "--listen=127.0.0.1", "--port=" + port, root.toString());
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile())
                .start();
        process.getOutputStream().close();
        return process;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(Process process, int port, Path log) throws IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("git daemon exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IOException("git daemon did not listen on port " + port + " within " + STARTUP.toSeconds()
                + " s: " + Files.readString(log));
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for git daemon", e);
        }
    }

    /** Kills the daemon and the per-connection processes it forked, then waits for them. */
    static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                }
                child.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // A child that will not die is not worth failing a test over.
        }
    }

    /** The port the daemon listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The URL of a repository: {@code git://127.0.0.1:PORT/NAME.git}. */
    public URI url(String repoName) {
        return URI.create("git://127.0.0.1:" + port + "/" + RepositoryRegistry.urlPath(repoName));
    }

    /**
     * Creates an empty bare repository (initial branch {@code main}) to serve.
     *
     * @param name {@code config} or {@code config.git}
     * @return an instance owned by the daemon; do not close it, {@link #close()} does
     */
    public Repository createRepository(String name) throws IOException {
        return repositories.create(name);
    }

    /** An instance of a served repository owned by the daemon; do not close it. */
    public Repository repository(String name) throws IOException {
        return repositories.get(name);
    }

    /** Stops the daemon and closes the repositories; the folder is left for the test to delete. */
    @Override
    public void close() throws IOException {
        try {
            stop(process);
        } finally {
            repositories.close();
            Files.deleteIfExists(log);
        }
    }
}
