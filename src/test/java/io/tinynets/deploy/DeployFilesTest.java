package io.tinynets.deploy;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the deploy files promise and {@link TopologyIT} cannot see by running them on one machine: nginx's body
 * limit is the app's, the service runs as its own account with its memory sized and restarts after a crash, and the
 * shipped environment file holds no password anybody could know.
 */
class DeployFilesTest {

    private static Properties application() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p;
    }

    @Test
    void nginxAcceptsExactlyTheLargestBodyTheAppAccepts() throws Exception {
        Matcher m = Pattern.compile("client_max_body_size (\\d+)([km]);").matcher(Files.readString(
                DeployFiles.NGINX_SITE));
        assertThat(m.find()).as("client_max_body_size in " + DeployFiles.NGINX_SITE).isTrue();
        long nginx = Long.parseLong(m.group(1)) * (m.group(2).equals("m") ? 1024 * 1024 : 1024);
        long upload = DataSize.parse(application().getProperty("tinynets.limits.upload")).toBytes();
        long body = DataSize.parse(application().getProperty("tinynets.limits.request-body")).toBytes();
        assertThat(nginx).isEqualTo(Math.max(upload, body));
    }

    @Test
    void theServiceRunsAsItsOwnAccountAndComesBackAfterACrash() throws Exception {
        Map<String, List<String>> unit = DeployFiles.unitSettings();
        assertThat(unit.get("User")).containsExactly("tinynets");
        assertThat(unit.get("Group")).containsExactly("tinynets");
        assertThat(unit.get("EnvironmentFile")).containsExactly("/etc/tinynets/tinynets.env");
        assertThat(unit.get("Restart")).containsExactly("on-failure");
        assertThat(unit.get("StateDirectory")).containsExactly("tinynets");
        assertThat(unit.get("ReadWritePaths")).containsExactly("/var/lib/tinynets");
        assertThat(unit.get("NoNewPrivileges")).containsExactly("true");
        assertThat(DeployFiles.unitSetting("ExecStart")).contains("$JAVA_OPTS")
                .contains(DeployFiles.INSTALLED_JAR);
        // the data folder is inside the one folder the service may write
        assertThat(DeployFiles.environment().get("TINYNETS_DATA_DIR")).startsWith("/var/lib/tinynets/");
    }

    @Test
    void theHeapFitsATwoCoreFourGigabyteServer() throws Exception {
        String opts = DeployFiles.environment().get("JAVA_OPTS");
        Matcher xmx = Pattern.compile("-Xmx(\\d+)m").matcher(opts);
        assertThat(xmx.find()).as("-Xmx in JAVA_OPTS " + opts).isTrue();
        // room for 60 students at the measured 15-17 MB each, and at most 40 % of 4 GB (PostgreSQL, nginx, the
        // JVM's memory outside the heap and the system need the rest)
        assertThat(Integer.parseInt(xmx.group(1))).isBetween(60 * 17, 4096 * 40 / 100);
        assertThat(opts).contains("-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void theShippedSettingsServeOverHttpsBehindTheLocalProxyAndKnowNoPassword() throws Exception {
        Map<String, String> env = DeployFiles.environment();
        assertThat(env).containsEntry("TINYNETS_HTTPS", "true").containsEntry("TINYNETS_TRUSTED_PROXIES", "127.0.0.1")
                .containsEntry("SERVER_ADDRESS", "127.0.0.1");
        // empty: the install writes a random one (README); a shipped default would be everybody's admin password
        assertThat(env).containsEntry("TINYNETS_ADMIN_PASSWORD", "");
        assertThat(DeployFiles.environment("SPRING_DATASOURCE_")).containsEntry("SPRING_DATASOURCE_PASSWORD", "");
    }
}
