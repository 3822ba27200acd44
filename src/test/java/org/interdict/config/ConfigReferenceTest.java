package org.interdict.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference in {@code docs/operations.md} is generated from {@link InterdictConfig}: keys and
 * defaults by reflection, descriptions from its javadoc. The test fails when the document is stale; run it with
 * {@code -Dconfig.reference.write=true} to rewrite the section.
 */
class ConfigReferenceTest {

    private static final Path DOC = Path.of("docs/operations.md");
    private static final Path SOURCE = Path.of("src/main/java/org/interdict/config/InterdictConfig.java");
    private static final String BEGIN = "<!-- config-reference:begin -->";
    private static final String END = "<!-- config-reference:end -->";

    @Test
    void operationsGuideListsEveryKey() throws IOException {
        String table = "| key | default | what it does |\n| --- | --- | --- |\n" + rows("interdict", InterdictConfig.class,
                descriptions(Files.readString(SOURCE, StandardCharsets.UTF_8)));
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("markers in docs/operations.md").isNotNegative();
        String fresh = doc.substring(0, begin + BEGIN.length()) + "\n" + table + doc.substring(end);
        if (Boolean.getBoolean("config.reference.write")) {
            Files.writeString(DOC, fresh, StandardCharsets.UTF_8);
        }
        assertThat(doc).as("docs/operations.md configuration reference is stale: rerun with -Dconfig.reference.write=true")
                .isEqualTo(fresh);
    }

    private static String rows(String prefix, Class<?> group, Map<String, String> docs) {
        StringBuilder out = new StringBuilder();
        Method[] methods = group.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            WithName named = method.getAnnotation(WithName.class);
            String key = prefix + "." + (named != null ? named.value() : kebab(method.getName()));
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getEnclosingClass() == InterdictConfig.class) {
                out.append(rows(key, type, docs));
                continue;
            }
            WithDefault fallback = method.getAnnotation(WithDefault.class);
            String shown = fallback != null ? "`" + fallback.value() + "`" : optional(method) ? "(none)" : "required";
            String description = docs.getOrDefault(group.getSimpleName() + "." + method.getName(), "");
            out.append("| `").append(key).append("` | ").append(shown).append(" | ").append(description).append(" |\n");
        }
        return out.toString();
    }

    private static boolean optional(Method method) {
        return method.getGenericReturnType() instanceof ParameterizedType p
                && p.getRawType() == java.util.Optional.class;
    }

    /** Javadoc of each method, keyed by {@code Interface.method}, read from the source. */
    private static Map<String, String> descriptions(String source) {
        Map<String, String> docs = new HashMap<>();
        Matcher interfaces = Pattern.compile("interface (\\w+) \\{").matcher(source);
        while (interfaces.find()) {
            String name = interfaces.group(1);
            int bodyEnd = source.indexOf("\n    }", interfaces.end());
            String body = source.substring(interfaces.end(), bodyEnd < 0 ? source.length() : bodyEnd);
            Matcher method = Pattern.compile("/\\*\\*(.*?)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*[\\w<>.,\\s]+?\\s(\\w+)\\(\\);",
                    Pattern.DOTALL).matcher(body);
            while (method.find()) {
                String text = method.group(1).replaceAll("\\s*\\n\\s*\\*\\s?", " ").replaceAll("\\{@code ([^}]*)}", "`$1`")
                        .replace("|", "\\|").strip();
                docs.putIfAbsent(name + "." + method.group(2), text);
            }
        }
        return docs;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
