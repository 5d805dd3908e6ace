package io.jenkins.plugins.gitopspromotion.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.URL;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.eclipse.jgit.transport.http.HttpConnection;

/**
 * A JGit HTTP connection through a proxy that asks for a login, answered by an authenticator of this connection alone
 * ({@link HttpURLConnection#setAuthenticator}). JGit's own JDK connection hides its {@link HttpURLConnection}, so it
 * could only be given the process-wide default authenticator, which every other connection of a Jenkins controller
 * would then ask too; this one delegates everything else to the {@link HttpURLConnection} as JGit's does.
 */
final class ProxyLoginConnection implements HttpConnection {

    private final HttpURLConnection connection;

    ProxyLoginConnection(URL url, Proxy proxy, Authenticator authenticator) throws IOException {
        this.connection = (HttpURLConnection) url.openConnection(proxy);
        connection.setAuthenticator(authenticator);
    }

    @Override
    public int getResponseCode() throws IOException {
        return connection.getResponseCode();
    }

    @Override
    public URL getURL() {
        return connection.getURL();
    }

    @Override
    public String getResponseMessage() throws IOException {
        return connection.getResponseMessage();
    }

    @Override
    public Map<String, List<String>> getHeaderFields() {
        return connection.getHeaderFields();
    }

    @Override
    public void setRequestProperty(String key, String value) {
        connection.setRequestProperty(key, value);
    }

    @Override
    public void setRequestMethod(String method) throws ProtocolException {
        connection.setRequestMethod(method);
    }

    @Override
    public void setUseCaches(boolean usecaches) {
        connection.setUseCaches(usecaches);
    }

    @Override
    public void setConnectTimeout(int timeout) {
        connection.setConnectTimeout(timeout);
    }

    @Override
    public void setReadTimeout(int timeout) {
        connection.setReadTimeout(timeout);
    }

    @Override
    public String getContentType() {
        return connection.getContentType();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return connection.getInputStream();
    }

    @Override
    public String getHeaderField(String name) {
        return connection.getHeaderField(name);
    }

    /** All values of a header, its name in any case (as JGit's own connection gives them). */
    @Override
    public List<String> getHeaderFields(String name) {
        return connection.getHeaderFields().entrySet().stream()
                .filter(e -> name.equalsIgnoreCase(e.getKey()) && e.getValue() != null)
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    @Override
    public int getContentLength() {
        return connection.getContentLength();
    }

    @Override
    public void setInstanceFollowRedirects(boolean followRedirects) {
        connection.setInstanceFollowRedirects(followRedirects);
    }

    @Override
    public void setDoOutput(boolean dooutput) {
        connection.setDoOutput(dooutput);
    }

    @Override
    public void setFixedLengthStreamingMode(int contentLength) {
        connection.setFixedLengthStreamingMode(contentLength);
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return connection.getOutputStream();
    }

    @Override
    public void setChunkedStreamingMode(int chunklen) {
        connection.setChunkedStreamingMode(chunklen);
    }

    @Override
    public String getRequestMethod() {
        return connection.getRequestMethod();
    }

    @Override
    public boolean usingProxy() {
        return connection.usingProxy();
    }

    @Override
    public void connect() throws IOException {
        connection.connect();
    }

    /** For {@code http.sslVerify false}, as JGit's own connection takes it. */
    @Override
    public void configure(KeyManager[] km, TrustManager[] tm, SecureRandom random)
            throws NoSuchAlgorithmException, KeyManagementException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(km, tm, random);
        https().setSSLSocketFactory(context.getSocketFactory());
    }

    @Override
    public void setHostnameVerifier(HostnameVerifier hostnameverifier) {
        https().setHostnameVerifier(hostnameverifier);
    }

    private HttpsURLConnection https() {
        if (!(connection instanceof HttpsURLConnection secure)) {
            throw new IllegalStateException("not an HTTPS connection: " + connection.getURL());
        }
        return secure;
    }
}
