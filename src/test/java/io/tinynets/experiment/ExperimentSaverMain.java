package io.tinynets.experiment;

import io.tinynets.Application;
import io.tinynets.TestAccounts;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A server process (the application's beans and database, without the web server) for {@link ExperimentDurabilityTest}: starts the application on the data folder given as the
 * first argument, saves one experiment through {@link ExperimentService}, prints {@code SAVED <id>} and waits to be
 * killed.
 */
public final class ExperimentSaverMain {

    /** The account the experiment is saved for (experiments are saved only for accounts). */
    static final String OWNER = "durability.saver";

    private ExperimentSaverMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConfigurableApplicationContext context = start(args[0]);
        TestAccounts.ensure(context.getBean(JdbcTemplate.class), OWNER);
        long id = context.getBean(ExperimentService.class).save(OWNER,
                ExperimentFixtures.draft("playground", "survives kill -9"));
        System.out.println("SAVED " + id);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** The application without its web server, on a file database in {@code dataDir}, as the real server runs. */
    static ConfigurableApplicationContext start(String dataDir) {
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE).run(
                "--tinynets.data-dir=" + dataDir,
                "--spring.datasource.url=jdbc:h2:file:" + dataDir + "/tinynets;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE",
                "--spring.main.banner-mode=off", "--logging.level.root=warn",
                // no web server in this process: Vaadin's servlet set-up needs one, the services do not
                "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
    }
}
