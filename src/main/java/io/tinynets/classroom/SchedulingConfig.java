package io.tinynets.classroom;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link LiveRunBoard#publish} every second. */
@Configuration
@EnableScheduling
class SchedulingConfig {
}
