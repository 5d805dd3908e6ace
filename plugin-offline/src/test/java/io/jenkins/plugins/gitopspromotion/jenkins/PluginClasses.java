package io.jenkins.plugins.gitopspromotion.jenkins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The plugin's own classes, as compiled into this module: tests walk all of them, so none is forgotten. */
final class PluginClasses {

    private PluginClasses() {
    }

    /** Every concrete class of the plugin's package (nested ones included), in name order. */
    static List<Class<?>> concrete() {
        return all().stream().filter(c -> !c.isInterface() && !Modifier.isAbstract(c.getModifiers()) && !c.isAnonymousClass()
                && !c.isSynthetic()).toList();
    }

    /** Every class of the plugin's package, in name order. */
    static List<Class<?>> all() {
        Path root;
        try {
            root = Path.of(PromoteStep.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path folder = root.resolve(PromoteStep.class.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class")).sorted()
                    .<Class<?>>map(n -> load(PromoteStep.class.getPackageName() + "." + n.substring(0, n.length() - ".class".length())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PluginClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
