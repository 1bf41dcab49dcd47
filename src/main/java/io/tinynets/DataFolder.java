package io.tinynets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.nio.file.Path;

/** Logs where the embedded database lives, since a relative data folder depends on where the server was started. */
@Component
class DataFolder {

    private static final Logger log = LoggerFactory.getLogger(DataFolder.class);

    private final String dataDir;
    private final String url;

    DataFolder(@Value("${tinynets.data-dir}") String dataDir, @Value("${spring.datasource.url}") String url) {
        this.dataDir = dataDir;
        this.url = url;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        if (url.startsWith("jdbc:h2:file:")) {
            log.info("Tiny Nets Lab data folder: {} (set tinynets.data-dir to move it)",
                    Path.of(dataDir).toAbsolutePath().normalize());
        } else {
            log.info("Tiny Nets Lab database: {}", url.replaceAll("password=[^;&]*", "password=***"));
        }
    }
}
