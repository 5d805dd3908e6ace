package io.jenkins.plugins.gitopspromotion.config;

import java.io.IOException;

/**
 * A file of a config repository is larger than its reader allows. Thrown before the content is read, so that a huge
 * file (a 2 GB blob, a sparse file in a checkout) costs nothing but this message, which names the file.
 */
public final class FileTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    /**
     * @param path the file's path in the repository
     * @param size its size in bytes
     * @param limit the most the reader takes
     */
    public FileTooLargeException(String path, long size, long limit) {
        this(path, "file is " + size + " bytes, over the limit of " + limit + " bytes");
    }

    private FileTooLargeException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    /** The file's path in the repository. */
    public String path() {
        return path;
    }

    /** What is wrong, without the path: {@code file is N bytes, over the limit of M bytes}. */
    public String problem() {
        return problem;
    }
}
