package org.planledger.infra.web;

/** A request header the API reads has a value it cannot use: 400 naming the header. */
public class InvalidHeaderException extends RuntimeException {

    private final String header;

    public InvalidHeaderException(String header, String message) {
        super(message);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
