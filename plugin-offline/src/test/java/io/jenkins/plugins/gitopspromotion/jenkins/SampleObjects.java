package io.jenkins.plugins.gitopspromotion.jenkins;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The plugin's objects filled in as a user (or JCasC) would fill them: through the {@code @DataBoundConstructor} and
 * every {@code @DataBoundSetter}, with a valid, distinctive value for each field, so that a field lost on the way to
 * disk and back, or a getter a view cannot reach, shows. Objects that no form makes (the build actions) are made as
 * the plugin makes them. A new field needs a sample here, or the tests say which is missing.
 */
final class SampleObjects {

    static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    /** Sample text per field name; {@code variant} tells apart the entries of a list. */
    private static final Map<String, IntFunction<String>> TEXT = new LinkedHashMap<>();

    static {
        text("repository", "platform-config");
        TEXT.put("environment", v -> v == 0 ? "staging" : "prod-" + v);
        text("allowed", "sre, release-managers");
        text("approvers", "release-managers");
        text("app", "web");
        text("image", "registry.example.com/acme/web");
        text("imageName", "registry.acme.example/web");
        text("tag", "1.5.0");
        text("digest", DIGEST);
        text("from", "dev");
        text("build", "web/main#42");
        text("hookCredentialsId", "flux-hook-key");
        text("previousHookCredentialsId", "flux-hook-key-2025");
        text("timeout", "1h30m");
        text("until", "deployed");
        text("version", "1.5.0");
        text("mode", "pull-request");
        text("credentialsId", "config-token");
        text("to", "1.4.2");
        text("tags", "1.5.0 latest");
        text("context", "app");
        text("file", "app/Containerfile");
        text("builder", "podman");
        text("buildArgs", "VERSION=1.5.0");
        text("labels", "team=platform");
        text("platform", "linux/arm64");
        text("layers", "build/app:/app");
        text("storageDriver", "vfs");
        text("isolation", "chroot");
        TEXT.put("id", v -> "platform-config" + (v == 0 ? "" : "-" + v));
        TEXT.put("url", v -> "https://git.example.com/acme/config" + (v == 0 ? "" : "-" + v) + ".git");
        text("provider", "gitlab");
        text("apiUrl", "https://git.example.com/api/v4");
        text("project", "acme/config");
        text("baseBranch", "release");
        text("boundary", "warn");
        text("cacheFolder", "/var/cache/gitops-promotion");
    }

    private SampleObjects() {
    }

    private static void text(String name, String value) {
        TEXT.put(name, v -> value);
    }

    /** Objects no form makes, made as the plugin makes them. */
    static Object made(Class<?> type) {
        if (type == PromotionsAction.class) {
            PromotionsAction action = new PromotionsAction();
            action.onAttached(Builds.build());
            try {
                action.add(PromotionRecord.of("https://git.example.com/acme/config.git", result("promoted", "dev", "the first environment"),
                        "Sam Roe (sam)"));
                action.add(PromotionRecord.of("https://git.example.com/acme/config.git", result("refused", "prod", "staging has not run it"),
                        "Jane Doe (jane)"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return action;
        }
        if (type == BuiltImageAction.class) {
            return new BuiltImageAction("registry.example.com/acme/web", List.of("1.5.0", "latest"), "registry.example.com/acme/web@" + DIGEST,
                    DIGEST, "0123456789abcdef0123456789abcdef01234567");
        }
        if (type == PromotionRecord.class) {
            return PromotionRecord.of("https://git.example.com/acme/config.git", result("promoted", "dev", "none"), "Jane Doe (jane)");
        }
        if (type == BuildApprovalsAction.class) {
            BuildApprovalsAction action = new BuildApprovalsAction();
            action.onAttached(Builds.build());
            try {
                action.add(BuildApprovalsAction.key("platform-config", "web", "prod"), "alice", java.time.Instant.ofEpochSecond(1_700_000_000));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return action;
        }
        return null;
    }

    /** An engine result as {@code PromotionRunner} hands it on, with every key a record reads. */
    static Map<String, Object> result(String status, String env, String reason) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", status);
        result.put("env", env);
        result.put("app", "web");
        result.put("tag", "1.5.0");
        result.put("digest", DIGEST);
        result.put("commit", "0123456789abcdef0123456789abcdef01234567");
        result.put("branch", "gitops-promotion/" + env + "/web");
        result.put("pullRequestUrl", "https://git.example.com/acme/config/pull/17");
        result.put("reason", reason);
        return result;
    }

    /** A filled-in object of {@code type}, as a form or JCasC makes it. */
    static Object make(Class<?> type) {
        return make(type, 0);
    }

    private static Object make(Class<?> type, int variant) {
        Object made = made(type);
        if (made != null) {
            return made;
        }
        try {
            Constructor<?> constructor = Arrays.stream(type.getDeclaredConstructors())
                    .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class) || c.getParameterCount() == 0)
                    .max((a, b) -> Boolean.compare(a.isAnnotationPresent(DataBoundConstructor.class),
                            b.isAnnotationPresent(DataBoundConstructor.class)))
                    .orElseThrow(() -> new NoSuchMethodException(type.getName() + " has neither a @DataBoundConstructor nor one"
                            + " without arguments"));
            constructor.setAccessible(true);
            Object[] args = new Object[constructor.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = value(constructor.getParameters()[i].getName(), constructor.getGenericParameterTypes()[i], null, variant);
            }
            Object object = constructor.newInstance(args);
            for (Method setter : setters(type)) {
                String property = Character.toLowerCase(setter.getName().charAt(3)) + setter.getName().substring(4);
                setter.invoke(object, value(property, setter.getGenericParameterTypes()[0], getter(object, property), variant));
            }
            return object;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getName() + ": " + e, e);
        }
    }

    /** The {@code @DataBoundSetter}s of {@code type}, in name order. */
    static List<Method> setters(Class<?> type) {
        List<Method> setters = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                setters.add(method);
            }
        }
        setters.sort((a, b) -> a.getName().compareTo(b.getName()));
        return setters;
    }

    private static Object getter(Object object, String property) throws ReflectiveOperationException {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String prefix : List.of("get", "is")) {
            try {
                return object.getClass().getMethod(prefix + suffix).invoke(object);
            } catch (NoSuchMethodException e) {
                // try the other prefix
            }
        }
        throw new NoSuchMethodException(object.getClass().getName() + " has no getter for " + property);
    }

    private static Object value(String name, Type type, Object current, int variant) {
        if (type == boolean.class) {
            return !Boolean.TRUE.equals(current); // the other value than the default, so that losing it shows
        }
        if (type == int.class) {
            return ((Integer) current) + 2; // another value than the default
        }
        if (type == String.class) {
            IntFunction<String> sample = TEXT.get(name);
            if (sample == null) {
                throw new IllegalStateException("no sample text for the field '" + name + "': add one to SampleObjects");
            }
            return sample.apply(variant);
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Class<?> element = (Class<?>) list.getActualTypeArguments()[0];
            return List.of(make(element, 1), make(element, 2));
        }
        throw new IllegalStateException("no sample for the field '" + name + "' of type " + type + ": add one to SampleObjects");
    }
}
