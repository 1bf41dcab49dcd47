package io.tinynets.classroom.security;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one setting that decides where a client's address comes from: {@code tinynets.trusted-proxies}, the IP
 * addresses of the reverse proxies in front of the server (comma separated, exact addresses). A request that arrives
 * from one of them is taken to be from the client its {@code X-Forwarded-For} header names (and its
 * {@code X-Forwarded-Proto} is believed); a request from any other address is from that address, whatever its headers
 * say. By default no proxy is trusted.
 *
 * <p>It sets Spring Boot's own settings from that one, before anything reads them: Tomcat's {@code RemoteIpValve}
 * ({@code server.forward-headers-strategy=native}) with {@code server.tomcat.remoteip.internal-proxies} matching
 * exactly the listed addresses, or no valve at all ({@code none}). Both are always set, because the defaults are
 * unsafe for a school: Spring Boot turns the valve on by itself on a detected cloud platform (Kubernetes included),
 * and Tomcat's default internal proxies are every private network, so a student on the school's LAN could name any
 * address in the header. After this, {@code request.getRemoteAddr()} is what the login limits and the per-address
 * training caps may trust.
 */
public final class TrustedProxies implements EnvironmentPostProcessor {

    public static final String SETTING = "tinynets.trusted-proxies";
    static final String SOURCE = "tinynets-trusted-proxies";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final Log log;

    public TrustedProxies(DeferredLogFactory logs) {
        this.log = logs.getLog(TrustedProxies.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> proxies = parse(environment.getProperty(SETTING, ""));
        Map<String, Object> settings = new LinkedHashMap<>();
        if (proxies.isEmpty()) {
            settings.put("server.forward-headers-strategy", "none");
            settings.put("server.tomcat.remoteip.internal-proxies", "");
            log.info("no trusted proxies (" + SETTING + "): a client's address is its connection's, forwarded "
                    + "headers are ignored");
        } else {
            settings.put("server.forward-headers-strategy", "native");
            settings.put("server.tomcat.remoteip.internal-proxies", regex(proxies));
            log.info("trusted proxies " + proxies + ": X-Forwarded-For and X-Forwarded-Proto are believed from "
                    + "them only");
        }
        settings.put("server.tomcat.remoteip.trusted-proxies", "");
        // first: above the command line, so no stray server.* value can widen what this setting says
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, settings));
    }

    /**
     * The listed addresses in the form Tomcat reports a connection's address ({@code 0:0:0:0:0:0:0:1} for
     * {@code ::1}). Host names are refused (they would need a DNS lookup, and DNS answers can change), and so is
     * anything else that is not an IP address, with a message naming the setting.
     */
    static List<String> parse(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String part : raw.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (p.startsWith("[") && p.endsWith("]")) {
                p = p.substring(1, p.length() - 1);
            }
            boolean v4 = IPV4.matcher(p).matches();
            if (v4 ? !octetsInRange(p) : !IPV6.matcher(p).matches()) {
                throw invalid(part);
            }
            try {
                // a literal address: no DNS lookup happens for these forms
                String normal = InetAddress.getByName(p).getHostAddress();
                if (!out.contains(normal)) {
                    out.add(normal);
                }
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw invalid(part);
            }
        }
        return out;
    }

    private static boolean octetsInRange(String v4) {
        for (String octet : v4.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** A regular expression that matches exactly these addresses. */
    static String regex(List<String> addresses) {
        return addresses.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    }

    private static IllegalArgumentException invalid(String part) {
        return new IllegalArgumentException(SETTING + ": \"" + part.strip() + "\" is not an IP address. List the "
                + "exact IP addresses of the reverse proxies in front of this server, comma separated "
                + "(e.g. 10.0.0.5,::1), or leave it empty to trust none.");
    }
}
