package org.planledger.infra.web;

import java.io.IOException;

/** The request body passed the configured limit: 413. An IOException so it can leave a stream read. */
public class PayloadTooLargeException extends IOException {

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
