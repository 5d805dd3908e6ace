package io.jenkins.plugins.gitopspromotion.jenkins;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares what Jenkins would store of two objects: every non-static, non-transient field, followed into the
 * plugin's own objects, lists and maps. Values of other types compare with {@code equals}. A field that is null in
 * the expected object counts as a difference too: the samples must fill every field, or a lost one could hide.
 */
final class ObjectState {

    private ObjectState() {
    }

    /** The differences between {@code expected} and {@code actual}, one line each; empty when they hold the same. */
    static List<String> differences(Object expected, Object actual) {
        List<String> differences = new ArrayList<>();
        compare(expected.getClass().getSimpleName(), expected, actual, differences);
        return differences;
    }

    private static void compare(String path, Object expected, Object actual, List<String> differences) {
        if (expected == null) {
            differences.add(path + " is null in the object written: it must be filled for the check to mean anything");
            return;
        }
        if (actual == null) {
            differences.add(path + " was lost: null after reading back, was " + expected);
            return;
        }
        if (expected instanceof Collection<?> e && actual instanceof Collection<?> a) {
            if (e.size() != a.size()) {
                differences.add(path + " had " + e.size() + " entries, " + a.size() + " after reading back");
                return;
            }
            Iterator<?> ai = a.iterator();
            int i = 0;
            for (Object element : e) {
                compare(path + "[" + i++ + "]", element, ai.next(), differences);
            }
            return;
        }
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            if (!e.keySet().equals(a.keySet())) {
                differences.add(path + " had the keys " + e.keySet() + ", " + a.keySet() + " after reading back");
                return;
            }
            e.forEach((k, v) -> compare(path + "[" + k + "]", v, a.get(k), differences));
            return;
        }
        if (!isPluginObject(expected.getClass())) {
            if (!expected.equals(actual)) {
                differences.add(path + " was " + expected + ", " + actual + " after reading back");
            }
            return;
        }
        if (expected.getClass() != actual.getClass()) {
            differences.add(path + " was a " + expected.getClass().getName() + ", a " + actual.getClass().getName() + " after reading back");
            return;
        }
        for (Field field : storedFields(expected.getClass())) {
            compare(path + "." + field.getName(), get(field, expected), get(field, actual), differences);
        }
    }

    /** The fields XStream writes: every non-static, non-transient one of the class and its plugin superclasses. */
    static List<Field> storedFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && isPluginObject(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static boolean isPluginObject(Class<?> type) {
        return type.getName().startsWith("io.jenkins.plugins.gitopspromotion.");
    }

    private static Object get(Field field, Object object) {
        try {
            field.setAccessible(true);
            return field.get(object);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new AssertionError("cannot read " + field + ": " + e, e);
        }
    }
}
