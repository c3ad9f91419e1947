package com.starcert.outlet.registry;

/** A value that breaks a registry rule; the message is the reason shown to the client next to the field. */
public class InvalidValueException extends IllegalArgumentException {

    public InvalidValueException(String reason) {
        super(reason);
    }
}
