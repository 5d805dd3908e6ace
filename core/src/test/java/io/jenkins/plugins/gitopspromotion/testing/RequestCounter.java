package io.jenkins.plugins.gitopspromotion.testing;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.storage.pack.PackStatistics;
import org.eclipse.jgit.transport.PostUploadHook;

/**
 * Counts the Git requests that got past authentication, by kind, and the packs served, so that tests can
 * assert how much a client talked to the server.
 */
final class RequestCounter implements Filter, PostUploadHook {

    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger advertisements = new AtomicInteger();
    private final AtomicInteger uploadPacks = new AtomicInteger();
    private final AtomicInteger receivePacks = new AtomicInteger();
    private final AtomicInteger packsServed = new AtomicInteger();
    private final AtomicLong objectsServed = new AtomicLong();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String uri = http.getRequestURI();
        boolean post = "POST".equals(http.getMethod());
        requests.incrementAndGet();
        if (uri.endsWith("/info/refs")) {
            advertisements.incrementAndGet();
        } else if (post && uri.endsWith("/git-upload-pack")) {
            uploadPacks.incrementAndGet();
        } else if (post && uri.endsWith("/git-receive-pack")) {
            receivePacks.incrementAndGet();
        }
        chain.doFilter(request, response);
    }

    /** Called by upload-pack after it sent a pack, i.e. once per fetch that actually transferred objects. */
    @Override
    public void onPostUpload(PackStatistics stats) {
        packsServed.incrementAndGet();
        objectsServed.addAndGet(stats.getTotalObjects());
    }

    int requests() {
        return requests.get();
    }

    int advertisements() {
        return advertisements.get();
    }

    int uploadPacks() {
        return uploadPacks.get();
    }

    int receivePacks() {
        return receivePacks.get();
    }

    int packsServed() {
        return packsServed.get();
    }

    long objectsServed() {
        return objectsServed.get();
    }

    void reset() {
        requests.set(0);
        advertisements.set(0);
        uploadPacks.set(0);
        receivePacks.set(0);
        packsServed.set(0);
        objectsServed.set(0);
    }
}
