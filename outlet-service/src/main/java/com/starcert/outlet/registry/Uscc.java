package com.starcert.outlet.registry;

import java.util.Locale;

/**
 * Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 17 characters plus a check character.
 * <p>
 * Input is trimmed and upper-cased before it is checked (people type codes in lower case; the standard's alphabet
 * is upper case only), so {@code 91350100m000100y43} is accepted and stored as {@code 91350100M000100Y43}.
 */
public record Uscc(String value) {

    /** The 31 symbols of GB 32100; a symbol's value is its index. I, O, Z, S and V are not used. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int LENGTH = 18;
    private static final int MODULUS = 31;

    public Uscc {
        String reason = problem(value);
        if (reason != null) {
            throw new InvalidValueException(reason);
        }
    }

    /** Normalises (trim, upper case) and checks a code as a client sent it. */
    public static Uscc parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("is required");
        }
        return new Uscc(raw.strip().toUpperCase(Locale.ROOT));
    }

    /** Characters 3–8: the code of the region where the organisation was registered. */
    public String registrationRegion() {
        return value.substring(2, 8);
    }

    /** The check character for the first 17 characters: 31 − (Σ value·3^(i−1) mod 31) mod 31, with 31 → 0. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new InvalidValueException("needs exactly " + (LENGTH - 1) + " characters to compute a check");
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < first17.length(); i++) {
            int symbol = ALPHABET.indexOf(first17.charAt(i));
            if (symbol < 0) {
                throw new InvalidValueException("character '" + first17.charAt(i) + "' is not allowed");
            }
            sum += symbol * weight;
            weight = weight * 3 % MODULUS;
        }
        int check = (MODULUS - sum % MODULUS) % MODULUS;
        return ALPHABET.charAt(check);
    }

    private static String problem(String value) {
        if (value == null) {
            return "is required";
        }
        if (value.length() != LENGTH) {
            return "must have " + LENGTH + " characters, has " + value.length();
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (ALPHABET.indexOf(c) < 0) {
                return "character '" + c + "' at position " + (i + 1) + " is not allowed (only digits and "
                        + "upper-case letters except I, O, Z, S, V)";
            }
        }
        char expected = checkCharacter(value.substring(0, LENGTH - 1));
        if (value.charAt(LENGTH - 1) != expected) {
            return "check character is wrong (the code is mistyped)";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
