package io.jenkins.plugins.gitopspromotion.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The engine's one Jackson mapper, made on first use. Starting Jackson costs a short-lived process about 25 ms,
 * which a CLI promotion that prints no JSON should not pay: so no class keeps a mapper of its own in a static
 * field, initialised the moment the class is.
 */
public final class Json {

    private Json() {
    }

    /** The shared mapper (thread-safe once made; never reconfigured). */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /**
     * {@code value} as compact JSON.
     *
     * @param what names the value in the error, such as {@code "a promotion result"}
     */
    public static String write(Object value, String what) {
        return write(Holder.MAPPER.writer(), value, what);
    }

    /** {@code value} as indented JSON; {@code what} as for {@link #write}. */
    public static String writeIndented(Object value, String what) {
        return write(Holder.MAPPER.writerWithDefaultPrettyPrinter(), value, what);
    }

    private static String write(ObjectWriter writer, Object value, String what) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " could not be written as JSON", e);
        }
    }

    /** Initialised by the JVM on the first call to {@link #mapper()}, not before. */
    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
