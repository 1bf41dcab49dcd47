package io.tinynets.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of {@code src/deploy} as a school administrator installs them, read the way systemd and nginx read them,
 * so the tests run exactly what the README tells the administrator to copy. Every change a test makes to them (its
 * own ports, paths and database) is a literal replacement that must match, so a changed file fails loudly instead
 * of being tested in some other form.
 */
final class DeployFiles {

    static final Path FOLDER = Path.of("src", "deploy");
    static final Path UNIT = FOLDER.resolve("tinynets@.service");
    static final Path ENVIRONMENT = FOLDER.resolve("tinynets.env");
    static final Path NGINX_SITE = FOLDER.resolve("nginx-tinynets.conf");

    /** Where the unit expects the jar and Java; the tests put theirs there. */
    static final String INSTALLED_JAR = "/opt/tinynets/tiny-nets-lab.jar";
    static final String INSTALLED_JAVA = "/usr/bin/java";

    private DeployFiles() {
    }

    /** The [Service] settings of the unit, in order (a key given twice, like Environment=, keeps every value). */
    static Map<String, List<String>> unitSettings() throws IOException {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        boolean service = false;
        for (String raw : Files.readAllLines(UNIT)) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                service = line.equals("[Service]");
                continue;
            }
            if (!service || line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            settings.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
        }
        return settings;
    }

    static String unitSetting(String key) throws IOException {
        List<String> values = unitSettings().get(key);
        if (values == null || values.size() != 1) {
            throw new AssertionError(UNIT + ": expected one " + key + "=, found " + values);
        }
        return values.get(0);
    }

    /**
     * The environment file as systemd reads it ({@code KEY=value}, comments and blank lines skipped), with the lines
     * starting with one of {@code uncomment} uncommented first, as the README's steps for a second instance say.
     */
    static Map<String, String> environment(String... uncomment) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String raw : Files.readAllLines(ENVIRONMENT)) {
            String line = raw.strip();
            for (String prefix : uncomment) {
                if (line.startsWith("#" + prefix)) {
                    line = line.substring(1);
                }
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return env;
    }

    /**
     * The unit's ExecStart as a command line for the instance {@code instance} (systemd's {@code %i}): its
     * {@code $VARIABLES} split into words from {@code env}, as systemd does, with the installed paths of Java and
     * the jar replaced by this machine's.
     */
    static List<String> command(String instance, Map<String, String> env, String java, Path jar) throws IOException {
        List<String> command = new ArrayList<>();
        for (String word : unitSetting("ExecStart").split("\\s+")) {
            word = word.replace("%i", instance);
            if (word.startsWith("$")) {
                String value = env.getOrDefault(word.substring(1).replace("{", "").replace("}", ""), "");
                for (String part : value.strip().split("\\s+")) {
                    if (!part.isEmpty()) {
                        command.add(part);
                    }
                }
            } else if (word.equals(INSTALLED_JAVA)) {
                command.add(java);
            } else if (word.equals(INSTALLED_JAR)) {
                command.add(jar.toString());
            } else {
                command.add(word);
            }
        }
        if (!command.contains(java) || !command.contains(jar.toString())) {
            throw new AssertionError(UNIT + ": ExecStart does not run " + INSTALLED_JAVA + " on " + INSTALLED_JAR
                    + ": " + unitSetting("ExecStart"));
        }
        return command;
    }

    /** The unit's Environment= settings for instance {@code instance}. */
    static Map<String, String> unitEnvironment(String instance) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String assignment : unitSettings().getOrDefault("Environment", List.of())) {
            int eq = assignment.indexOf('=');
            env.put(assignment.substring(0, eq), assignment.substring(eq + 1).replace("%i", instance));
        }
        return env;
    }

    /** The nginx site with each {@code from} replaced by its {@code to}; each must occur in the file. */
    static String nginxSite(Map<String, String> replacements) throws IOException {
        String site = Files.readString(NGINX_SITE);
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            site = replaceOnce(site, r.getKey(), r.getValue());
        }
        return site;
    }

    static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new AssertionError(NGINX_SITE + " must contain '" + from + "' exactly once");
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

}
