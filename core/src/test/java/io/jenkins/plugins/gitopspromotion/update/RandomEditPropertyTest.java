package io.jenkins.plugins.gitopspromotion.update;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import io.jenkins.plugins.gitopspromotion.yaml.YamlPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Property: random version updates of a corpus of realistic files (also as CRLF, with a byte order mark and
 * without final line break) never change a byte outside the edited values, and a re-parse gives the same
 * tree apart from those values. Seeded, so a failure names the seed and the case to reproduce it.
 */
class RandomEditPropertyTest {

    private static final long SEED = 20261127L;
    private static final int UPDATES_PER_FILE = 60;
    private static final String IMAGE = "ghcr.io/acme/web";

    private static final Map<String, List<String>> CORPUS = Map.of(
            "kustomize", List.of("overlay-dev.yaml", "indentless.yaml", "flow.yaml", "missing-images.yaml"),
            "helm-values", List.of("values.yaml", "values-prod.yaml"),
            "manifests", List.of("deployment.yaml", "cronjob.yaml"),
            "setters", List.of("deployment.yaml", "helmrelease.yaml"));

    private static final Map<String, UnaryOperator<String>> VARIANTS = Map.of(
            "as written", s -> s,
            "CRLF", s -> s.replace("\n", "\r\n"),
            "with BOM", s -> "\uFEFF" + s,
            "no final line break", s -> s.endsWith("\n") ? s.substring(0, s.length() - 1) : s);

    @TestFactory
    Stream<DynamicTest> randomEditsTouchOnlyTheEditedValues() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String kind : new TreeSet<>(CORPUS.keySet())) {
            for (String name : CORPUS.get(kind)) {
                for (String variant : new TreeSet<>(VARIANTS.keySet())) {
                    tests.add(DynamicTest.dynamicTest(kind + "/" + name + " (" + variant + ")",
                            () -> check(kind, name, VARIANTS.get(variant).apply(resource(kind, name)))));
                }
            }
        }
        return tests.stream();
    }

    private static void check(String kind, String name, String text) {
        Random random = new Random(SEED ^ (kind + name + text.length()).hashCode());
        ImageUpdater updater = updater(kind);
        byte[] before = bytes(text);
        for (int i = 0; i < UPDATES_PER_FILE; i++) {
            String tag = random.nextInt(5) == 0 ? null : randomTag(random);
            String digest = tag == null || random.nextBoolean() ? randomDigest(random) : null;
            if (tag == null && !kind.equals("kustomize") && !kind.equals("manifests")) {
                tag = randomTag(random); // these files hold a tag of their own, a digest alone is refused
            }
            if (digest == null && kind.equals("setters")) {
                digest = randomDigest(random); // a :digest marker refuses an update without digest
            }
            ImageUpdate update = ImageUpdate.of(IMAGE, tag, digest);
            String context = kind + "/" + name + " case " + i + " seed " + SEED + ": " + update;
            FileChange change = updater.apply(name, before, update);
            String after = decode(change.after());

            assertUnchangedOutsideEdits(context, decode(before), after, change, text.startsWith("\uFEFF"));
            assertSameTreeApartFromTheImage(context, decode(before), after, update);
            assertThat(updater.read(name, change.after(), update.image())).as(context).isNotEmpty()
                    .allSatisfy(v -> assertThat(v.tag()).as(context).isEqualTo(update.tag()));
            assertThat(updater.apply(name, change.after(), update).changed()).as(context + " (again)").isFalse();
            before = change.after();
        }
    }

    /** Every line that held no edited value is still there, in order, byte for byte. */
    private static void assertUnchangedOutsideEdits(String context, String before, String after, FileChange change, boolean bom) {
        List<String> oldLines = lines(before);
        List<String> newLines = lines(after);
        Set<Integer> edited = new HashSet<>();
        int added = 0;
        for (ValueChange c : change.changes()) {
            if (c.oldValue() != null) {
                edited.add(c.line());
            }
            if (c.newValue() != null && (c.oldValue() == null || c.newValue().isEmpty())) {
                added++;
            }
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < oldLines.size(); i++) {
            if (!edited.contains(i + 1)) {
                kept.add(oldLines.get(i));
            }
        }
        int k = 0;
        List<String> extra = new ArrayList<>();
        for (String line : newLines) {
            if (k < kept.size() && line.equals(kept.get(k))) {
                k++;
            } else {
                extra.add(line);
            }
        }
        assertThat(k).as(context + ": lines kept in order\n" + after).isEqualTo(kept.size());
        // An added entry may take up to four lines (images:, - name:, newTag:, digest:).
        assertThat(extra.size()).as(context + ": lines that changed " + extra).isLessThanOrEqualTo(edited.size() + 4 * added);
        assertThat(after.startsWith("\uFEFF")).isEqualTo(bom);
        if (!before.isEmpty()) {
            assertThat(after.endsWith("\n")).as(context + ": final line break kept as it was").isEqualTo(before.endsWith("\n"));
        }
    }

    /** Parsing before and after gives the same data, but for values that now hold the new version. */
    private static void assertSameTreeApartFromTheImage(String context, String before, String after, ImageUpdate update) {
        List<String> differences = new ArrayList<>();
        diff("", load(before), load(after), differences);
        Set<Object> allowed = new HashSet<>();
        update.tag().ifPresent(allowed::add);
        update.digest().ifPresent(d -> allowed.add(d.toString()));
        allowed.add("");
        allowed.add(update.toString());
        for (String difference : differences) {
            String newValue = difference.substring(difference.indexOf(" -> ") + 4);
            boolean ok = newValue.equals("(removed)") || allowed.contains(newValue)
                    || newValue.startsWith("{name=" + IMAGE) || newValue.startsWith("[{name=" + IMAGE);
            assertThat(ok).as(context + ": unexpected difference " + difference + "\n" + after).isTrue();
        }
    }

    private static void diff(String path, Object a, Object b, List<String> out) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            Set<Object> keys = new java.util.LinkedHashSet<>(ma.keySet());
            keys.addAll(mb.keySet());
            for (Object key : keys) {
                if (!mb.containsKey(key)) {
                    out.add(path + "." + key + " " + ma.get(key) + " -> (removed)");
                } else if (!ma.containsKey(key)) {
                    out.add(path + "." + key + " (added) -> " + mb.get(key));
                } else {
                    diff(path + "." + key, ma.get(key), mb.get(key), out);
                }
            }
        } else if (a instanceof List<?> la && b instanceof List<?> lb) {
            for (int i = 0; i < Math.max(la.size(), lb.size()); i++) {
                if (i >= lb.size()) {
                    out.add(path + "[" + i + "] " + la.get(i) + " -> (removed)");
                } else if (i >= la.size()) {
                    out.add(path + "[" + i + "] (added) -> " + lb.get(i));
                } else {
                    diff(path + "[" + i + "]", la.get(i), lb.get(i), out);
                }
            }
        } else if (!Objects.equals(a, b)) {
            out.add(path + " " + a + " -> " + b);
        }
    }

    private static Object load(String text) {
        List<Object> documents = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(text.startsWith("\uFEFF") ? text.substring(1) : text)
                .forEach(documents::add);
        return documents;
    }

    private static ImageUpdater updater(String kind) {
        return switch (kind) {
            case "kustomize" -> new KustomizeImagesUpdater(YamlLimits.DEFAULT);
            case "helm-values" -> new HelmValuesUpdater(YamlPath.parse("image.tag"), Optional.of(YamlPath.parse("image.digest")),
                    YamlLimits.DEFAULT);
            case "manifests" -> new ManifestsUpdater(YamlLimits.DEFAULT);
            default -> new SettersUpdater(Optional.empty(), YamlLimits.DEFAULT);
        };
    }

    /** Tags from the whole tag grammar, with a bias towards ones a YAML reader would take for numbers or booleans. */
    private static String randomTag(Random random) {
        String[] tricky = {"1.10", "1e3", "0x1F", "true", "no", "123", "1_000", "0o17", "2026-11-27", "null", "y", "0b101", "1e-3", "v1.2.3"};
        if (random.nextInt(3) == 0) {
            return tricky[random.nextInt(tricky.length)];
        }
        String first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
        String rest = first + ".-";
        StringBuilder tag = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
        int length = random.nextInt(random.nextInt(10) == 0 ? 127 : 12);
        for (int i = 0; i < length; i++) {
            tag.append(rest.charAt(random.nextInt(rest.length())));
        }
        return tag.toString();
    }

    private static String randomDigest(Random random) {
        StringBuilder hex = new StringBuilder("sha256:");
        for (int i = 0; i < 64; i++) {
            hex.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return hex.toString();
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static String resource(String kind, String name) {
        try (InputStream in = RandomEditPropertyTest.class.getResourceAsStream("/corpus/" + kind + "/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

}
