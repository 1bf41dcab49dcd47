package io.tinynets.base.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How many bytes a request body may bring, bound from {@code tinynets.limits.*} and enforced by
 * {@link RequestBodyLimitFilter} on every request before anything reads it.
 *
 * @param requestBody the body of any request that is not an upload (Vaadin's round trips, the login form)
 * @param upload      the largest upload any upload control accepts (each control has its own, smaller or equal,
 *                    limit in its URL); the experiment import's 5 MB by default
 */
@ConfigurationProperties("tinynets.limits")
public record BodyLimits(@DefaultValue("1MB") DataSize requestBody, @DefaultValue("5MB") DataSize upload) {

    public BodyLimits {
        if (requestBody.toBytes() < 1024 || upload.toBytes() < 1024) {
            throw new IllegalArgumentException("tinynets.limits.request-body and .upload must be at least 1KB, were "
                    + requestBody + " and " + upload);
        }
    }

    public static BodyLimits defaults() {
        return new BodyLimits(DataSize.ofMegabytes(1), DataSize.ofMegabytes(5));
    }
}
