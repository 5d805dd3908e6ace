package io.jenkins.plugins.gitopspromotion.testing;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.security.Password;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.resolver.ServiceNotAuthorizedException;

/**
 * A real smart-HTTP Git server on loopback: JGit's {@link GitServlet} on embedded Jetty, serving the bare
 * repositories {@code ROOT/NAME.git} at {@code http://127.0.0.1:PORT/git/NAME.git}, every request requiring
 * HTTP Basic authentication as the one user given at start. That user may fetch and push.
 *
 * <p>Tests seed and inspect the served repositories with {@link BareRepos}, count requests, and inject faults
 * into pushes with {@link #interceptReceive(PreReceiveHook)} and {@link ReceiveHooks}.
 */
public final class GitHttpServer implements AutoCloseable {

    private static final String ROLE = "git";

    private final Server server;
    private final RepositoryRegistry repositories;
    private final RequestCounter counter = new RequestCounter();
    private final ReceiveInterceptor interceptor = new ReceiveInterceptor();
    private final String user;
    private final String password;

    private GitHttpServer(Path root, String user, String password) throws IOException {
        this.repositories = new RepositoryRegistry(root);
        this.user = user;
        this.password = password;
        this.server = LoopbackJetty.server();
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @param root the folder holding the bare repositories (created if missing)
     * @param user the only user, who may fetch and push
     * @param password that user's password
     * @return the running server; close it to stop it
     * @throws Exception if Jetty cannot start
     */
    public static GitHttpServer start(Path root, String user, String password) throws Exception {
        GitHttpServer git = new GitHttpServer(root, user, password);
        return LoopbackJetty.started(git, () -> {
            git.configure();
            git.server.start();
        });
    }

    private void configure() {
        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.SECURITY);
        context.setSecurityHandler(basicAuth());
        context.addFilter(new FilterHolder(counter), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(gitServlet()), "/git/*");
        server.setHandler(context);
    }

    private ConstraintSecurityHandler basicAuth() {
        UserStore users = new UserStore();
        // Password, not Credential.getCredential: a password starting with "MD5:" must stay a plain password.
        users.addUser(user, new Password(password), new String[] {ROLE});
        HashLoginService login = new HashLoginService("git");
        login.setUserStore(users);

        ConstraintMapping everything = new ConstraintMapping();
        everything.setPathSpec("/*");
        everything.setConstraint(Constraint.from(ROLE));

        ConstraintSecurityHandler security = new ConstraintSecurityHandler();
        security.setAuthenticator(new BasicAuthenticator());
        security.setRealmName("git");
        security.setLoginService(login);
        security.addConstraintMapping(everything);
        return security;
    }

    private GitServlet gitServlet() {
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver((request, name) -> {
            Repository repository;
            try {
                repository = repositories.get(name);
            } catch (IllegalArgumentException | IOException e) {
                throw new RepositoryNotFoundException(name, e);
            }
            // GitServlet closes the repository after each request; the registry's instance must stay open.
            repository.incrementOpen();
            return repository;
        });
        servlet.setUploadPackFactory((request, repository) -> {
            UploadPack uploadPack = new UploadPack(repository);
            uploadPack.setPostUploadHook(counter);
            return uploadPack;
        });
        servlet.setReceivePackFactory(this::receivePack);
        return servlet;
    }

    /** Unlike GitServlet's default, lets the authenticated user push, whatever {@code http.receivepack} says. */
    private ReceivePack receivePack(HttpServletRequest request, Repository repository)
            throws ServiceNotAuthorizedException {
        String remoteUser = request.getRemoteUser();
        if (remoteUser == null) {
            throw new ServiceNotAuthorizedException();
        }
        ReceivePack receivePack = new ReceivePack(repository);
        receivePack.setRefLogIdent(new PersonIdent(remoteUser, remoteUser + "@127.0.0.1"));
        receivePack.setPreReceiveHook(interceptor);
        return receivePack;
    }

    /** The port the server listens on, on 127.0.0.1. */
    public int port() {
        return LoopbackJetty.port(server);
    }

    /** The URL of a repository: {@code http://127.0.0.1:PORT/git/NAME.git}; no credentials in it. */
    public URI url(String repoName) {
        return URI.create("http://127.0.0.1:" + port() + "/git/" + RepositoryRegistry.urlPath(repoName));
    }

    /** Credentials of the server's user, for JGit clients. */
    public CredentialsProvider credentials() {
        return new UsernamePasswordCredentialsProvider(user, password);
    }

    /**
     * Creates an empty bare repository (initial branch {@code main}) to serve.
     *
     * @param name {@code config} or {@code config.git}
     * @return the server's own instance; do not close it, {@link #close()} does
     */
    public Repository createRepository(String name) throws IOException {
        return repositories.create(name);
    }

    /** The server's own instance of a served repository; do not close it. */
    public Repository repository(String name) throws IOException {
        return repositories.get(name);
    }

    /** Git requests that passed authentication (rejected 401 challenges are not counted). */
    public int requestCount() {
        return counter.requests();
    }

    /** Ref advertisements ({@code GET .../info/refs}) served: one per fetch, ls-remote or push. */
    public int advertisementCount() {
        return counter.advertisements();
    }

    /** {@code POST .../git-upload-pack} requests (protocol v2 uses one for ls-refs and one per fetch round). */
    public int uploadPackCount() {
        return counter.uploadPacks();
    }

    /** {@code POST .../git-receive-pack} requests: one per push. */
    public int receivePackCount() {
        return counter.receivePacks();
    }

    /** Packs sent to clients: fetches that actually transferred objects. */
    public int packsServed() {
        return counter.packsServed();
    }

    /** Objects in all the packs sent to clients. */
    public long objectsServed() {
        return counter.objectsServed();
    }

    /** Zeroes every counter, e.g. after seeding a client. */
    public void resetCounters() {
        counter.reset();
    }

    /**
     * Runs {@code hook} on the next push only, after its objects arrived and before its refs move. Hooks queued
     * by several calls apply to successive pushes, one each.
     */
    public void interceptReceive(PreReceiveHook hook) {
        interceptor.next(hook);
    }

    /** Runs {@code hook} on every push from now on, until {@link #clearReceiveInterceptors()}. */
    public void interceptEveryReceive(PreReceiveHook hook) {
        interceptor.every(hook);
    }

    /** Removes every hook installed by {@link #interceptReceive} and {@link #interceptEveryReceive}. */
    public void clearReceiveInterceptors() {
        interceptor.clear();
    }

    /** Stops the server and closes the repositories; the folder is left for the test to delete. */
    @Override
    public void close() throws IOException {
        try {
            server.stop();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("Could not stop the Git server", e);
        } finally {
            repositories.close();
        }
    }
}
