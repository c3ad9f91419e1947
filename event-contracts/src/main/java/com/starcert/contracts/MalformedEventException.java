package com.starcert.contracts;

/** A message that is not a well-formed StarCert CloudEvent; it can never succeed, so it is not retried. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
