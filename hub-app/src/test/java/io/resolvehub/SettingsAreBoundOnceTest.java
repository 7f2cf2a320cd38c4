package io.resolvehub;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.resolvehub.boundaryviolations.SecondBindingOfTheDataDir;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each setting has one binding, so it has one default and one place that documents it: a {@code @ConfigurationProperties}
 * record owns the keys of its components, and a {@code @Value} names a key no other binding owns. Two bindings of one key
 * drift apart (a second default, a second parser) without anything failing.
 */
class SettingsAreBoundOnceTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)");

    @Test
    void everySettingOfTheProductIsBoundOnce() {
        List<Class<?>> production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.resolvehub").stream().filter(SettingsAreBoundOnceTest::bindsSettings)
                .map(JavaClass::reflect).toList();
        Map<String, List<String>> bindings = bindings(production);

        assertThat(bindings).as("settings the product binds").containsKeys("hub.data-dir", "hub.mail.from", "hub.llm.timeout");
        assertThat(boundMoreThanOnce(bindings)).as("settings bound in more than one place").isEmpty();
    }

    @Test
    void aSecondBindingOfASettingIsCaught() {
        Class<?> coreProperties = production("io.resolvehub.core.internal.CoreProperties");

        assertThat(boundMoreThanOnce(bindings(List.of(coreProperties)))).isEmpty();
        assertThat(boundMoreThanOnce(bindings(List.of(coreProperties, SecondBindingOfTheDataDir.class))))
                .containsOnlyKeys("hub.data-dir");
    }

    /** Only these are loaded: reflecting on every class would load optional dependencies the hub never loads. */
    private static boolean bindsSettings(JavaClass type) {
        return type.isAnnotatedWith(ConfigurationProperties.class)
                || type.getMembers().stream().anyMatch(member -> member.isAnnotatedWith(Value.class))
                || type.getCodeUnits().stream().flatMap(unit -> unit.getParameters().stream())
                .anyMatch(parameter -> parameter.isAnnotatedWith(Value.class));
    }

    private static Class<?> production(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** Keys with more than one binding; a key under a bound one ({@code hub.llm.model} under {@code hub.llm}) counts for both. */
    private static Map<String, List<String>> boundMoreThanOnce(Map<String, List<String>> bindings) {
        Map<String, List<String>> twice = new TreeMap<>();
        bindings.forEach((key, owners) -> {
            List<String> all = new ArrayList<>(owners);
            bindings.forEach((other, more) -> {
                if (key.startsWith(other + ".")) {
                    all.addAll(more);
                }
            });
            if (all.size() > 1) {
                twice.put(key, all);
            }
        });
        return twice;
    }

    /** Each key and where it is bound: a properties record's components, and every {@code @Value} placeholder. */
    private static Map<String, List<String>> bindings(Collection<Class<?>> classes) {
        Map<String, List<String>> bindings = new TreeMap<>();
        for (Class<?> type : classes) {
            ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
            if (properties != null && type.isRecord()) {
                String prefix = properties.prefix().isEmpty() ? properties.value() : properties.prefix();
                for (RecordComponent component : type.getRecordComponents()) {
                    bind(bindings, prefix + "." + kebab(component.getName()), type.getName());
                }
            }
            List<AnnotatedElement> elements = new ArrayList<>(List.of(type.getDeclaredFields()));
            for (Executable executable : Stream.concat(Stream.of(type.getDeclaredConstructors()),
                    Stream.of(type.getDeclaredMethods())).toList()) {
                elements.add(executable);
                elements.addAll(List.of(executable.getParameters()));
            }
            for (AnnotatedElement element : elements) {
                Value value = element.getAnnotation(Value.class);
                if (value != null) {
                    Matcher key = PLACEHOLDER.matcher(value.value());
                    while (key.find()) {
                        bind(bindings, key.group(1), type.getName() + " " + describe(element));
                    }
                }
            }
        }
        return bindings;
    }

    private static void bind(Map<String, List<String>> bindings, String key, String where) {
        bindings.computeIfAbsent(key, k -> new ArrayList<>()).add(where);
    }

    private static String describe(AnnotatedElement element) {
        return element instanceof Parameter parameter ? parameter.getDeclaringExecutable().getName() : element.toString();
    }

    /** {@code dataDir} → {@code data-dir}, as Spring's relaxed binding names it in properties files. */
    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
