package io.jenkins.plugins.gitopspromotion.view;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.gitopspromotion.json.Json;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionException;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The page's five endpoints over a {@link PromotionView}, as answers (status code and JSON) independent of any HTTP
 * server: {@code serve} and the Jenkins plugin route {@code api/status}, {@code api/history}, {@code api/promote},
 * {@code api/rollback} and {@code api/release} here, after their own checks (token, crumb, permissions), so both answer alike.
 *
 * <p>Errors are {@code {"error": "…"}}: 400 for a missing or unknown app or environment or a body that is not JSON
 * (or gives a key twice),
 * 409 when the promotion cannot be carried out in the repository as it is, 413 for a body over
 * {@value #MAX_BODY} bytes, 502 when the repository or the provider could not be reached.
 */
public final class ViewApi {

    /** The largest POST body read. */
    public static final int MAX_BODY = 16 * 1024;

    private final PromotionView view;

    /** @param view the view answered from */
    public ViewApi(PromotionView view) {
        this.view = view;
    }

    /**
     * An answer.
     *
     * @param status the HTTP status code
     * @param json the body, a JSON value
     */
    public record Answer(int status, String json) {

        /** An error answer. */
        public static Answer error(int status, String message) {
            return new Answer(status, PromotionView.toJson(Map.of("error", message == null ? "failed" : message)));
        }
    }

    /** {@code GET api/status}: the state. */
    public Answer status() {
        return answer(view::status);
    }

    /** {@code GET api/history?app=…&env=…}: the versions of one cell, newest first. */
    public Answer history(String app, String env) {
        return answer(() -> view.history(required(app, "app"), required(env, "env")));
    }

    /** {@code POST api/promote} with {@code {"app","env"}}, by the one user of a local view. */
    public Answer promote(byte[] body) {
        return promote(body, ViewUser.LOCAL);
    }

    /**
     * {@code POST api/promote} with {@code {"app","env"}}: promotes what {@code env} has into the next environment;
     * 403 when {@code user} may not change that environment.
     */
    public Answer promote(byte[] body, ViewUser user) {
        return withFields(body, fields -> answer(() -> result(view.promoteNext(required(fields.get("app"), "app"),
                required(fields.get("env"), "env"), user))));
    }

    /** {@code POST api/rollback} with {@code {"app","env","to"?,"reason"?}}, by the one user of a local view. */
    public Answer rollback(byte[] body) {
        return rollback(body, ViewUser.LOCAL);
    }

    /**
     * {@code POST api/rollback} with {@code {"app","env","to"?,"reason"?}}: rolls the cell back and holds it; 403 when
     * {@code user} may not.
     */
    public Answer rollback(byte[] body, ViewUser user) {
        return withFields(body, fields -> answer(() -> result(view.rollback(required(fields.get("app"), "app"),
                required(fields.get("env"), "env"), fields.get("to"), fields.get("reason"), user))));
    }

    /** {@code POST api/release} with {@code {"app","env","reason"?}}, by the one user of a local view. */
    public Answer release(byte[] body) {
        return release(body, ViewUser.LOCAL);
    }

    /**
     * {@code POST api/release} with {@code {"app","env","reason"?}}: releases the cell's hold; 403 when {@code user} may
     * not change the environment.
     */
    public Answer release(byte[] body, ViewUser user) {
        return withFields(body, fields -> answer(() -> result(view.release(required(fields.get("app"), "app"),
                required(fields.get("env"), "env"), fields.get("reason"), user))));
    }

    /** Work that answers with a value of the page's contract. */
    @FunctionalInterface
    private interface Work {
        Object get() throws IOException;
    }

    private static Answer answer(Work work) {
        try {
            return new Answer(200, PromotionView.toJson(work.get()));
        } catch (ViewUser.ChangeForbiddenException e) {
            return Answer.error(403, e.getMessage());
        } catch (IllegalArgumentException e) {
            return Answer.error(400, e.getMessage());
        } catch (PromotionException e) {
            return Answer.error(409, e.getMessage()); // the request cannot be carried out in the repository as it is
        } catch (IOException e) {
            return Answer.error(502, e.getMessage()); // the repository or the provider could not be reached
        }
    }

    private static Answer withFields(byte[] body, Function<Map<String, String>, Answer> then) {
        if (body.length > MAX_BODY) {
            return Answer.error(413, "the request body is larger than " + MAX_BODY + " bytes");
        }
        JsonNode tree;
        try {
            // A key given twice would be read as its last value, which a check in front may not have looked at.
            tree = Json.mapper().reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature()).readTree(body);
        } catch (StreamReadException e) {
            return Answer.error(400, e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "the request body has a key twice; give each of app, env, to and reason once" : "the request body is not JSON");
        } catch (IOException e) {
            return Answer.error(400, "the request body is not JSON");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : List.of("app", "env", "to", "reason")) {
            JsonNode value = tree == null ? null : tree.get(name);
            if (value != null && value.isTextual()) {
                fields.put(name, value.asText());
            }
        }
        return then.apply(fields);
    }

    /** A promotion's result in the JSON {@code --json} prints. */
    private static JsonNode result(PromotionResult result) throws IOException {
        return Json.mapper().readTree(result.toJson());
    }

    private static String required(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value;
    }
}
