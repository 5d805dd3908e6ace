package io.jenkins.plugins.gitopspromotion.config;

/**
 * The config repository's promotion config is invalid or cannot be worked out. The message names the file,
 * the line and the config key where known, {@code <file>:<line>: <key>: <problem>}, so that a user can fix it
 * without a stack trace; unknown parts are left out.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String key;
    private final String problem;

    /**
     * @param file the file's path in the repository, or {@code null} when no single file is concerned
     * @param line the 1-based line, or 0 when unknown
     * @param key the config key path, such as {@code environments[1].requires}, or {@code null}
     * @param problem what is wrong, as a sentence fragment
     */
    public ConfigException(String file, int line, String key, String problem) {
        this(file, line, key, problem, null);
    }

    /** As {@link #ConfigException(String, int, String, String)}, keeping the underlying cause. */
    public ConfigException(String file, int line, String key, String problem, Throwable cause) {
        super(format(file, line, key, problem), cause);
        this.file = file;
        this.line = Math.max(line, 0);
        this.key = key;
        this.problem = problem;
    }

    private static String format(String file, int line, String key, String problem) {
        StringBuilder out = new StringBuilder();
        if (file != null) {
            out.append(file);
            if (line > 0) {
                out.append(':').append(line);
            }
            out.append(": ");
        }
        if (key != null) {
            out.append(key).append(": ");
        }
        return out.append(problem).toString();
    }

    /** The file's path in the repository, or {@code null} when no single file is concerned. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The config key path, such as {@code environments[1].requires}, or {@code null}. */
    public String key() {
        return key;
    }

    /** What is wrong, without file, line and key. */
    public String problem() {
        return problem;
    }
}
