package org.planledger.infra.query;

import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Asks the query side through Axon's query gateway and hands back its answer or its failure. */
@Component
public class Queries {

    private static final long TIMEOUT_SECONDS = 30;

    private final QueryGateway queryGateway;

    public Queries(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    public <R> R ask(Object query, ResponseType<R> responseType) {
        try {
            return queryGateway.query(query, responseType).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + query.getClass().getSimpleName(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(query.getClass().getSimpleName() + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(query.getClass().getSimpleName() + " took longer than "
                    + TIMEOUT_SECONDS + " s", e);
        }
    }
}
