package io.jenkins.plugins.gitopspromotion.yaml;

/**
 * A YAML file could not be read or edited safely. The message names the file and, where known, the line, so
 * that a user can find the problem without a stack trace. Nothing has been written when this is thrown.
 */
public class YamlEditException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    /**
     * @param file the file's path in the repository
     * @param line the 1-based line the problem is on, or 0 when it concerns the whole file
     * @param problem what is wrong, as a sentence fragment
     */
    public YamlEditException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file's path in the repository. */
    public String file() {
        return file;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }

    /** The 1-based line of the problem, or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
