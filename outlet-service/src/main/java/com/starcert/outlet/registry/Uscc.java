package com.starcert.outlet.registry;

import java.util.Locale;

/**
 * Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 17 characters plus a check character. Characters
 * 9–17 are the organisation code (组织机构代码, GB 11714-1997), which carries its own check character (the 17th).
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

    /**
     * The value to look a code up by: a valid code, or one that fails only the organisation-code check — enterprises
     * registered before that check existed keep their code and are still found (they are checked when next
     * updated). Anything else is refused as {@link #parse} refuses it.
     */
    public static String lookupValue(String raw) {
        try {
            return parse(raw).value();
        } catch (InvalidValueException e) {
            if (raw == null) {
                throw e;
            }
            String normalised = raw.strip().toUpperCase(Locale.ROOT);
            String reason = problem(normalised);
            if (reason != null && reason.startsWith(ORGANISATION_PROBLEM)) {
                return normalised;
            }
            throw e;
        }
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
        if (value.charAt(16) != organisationCheckCharacter(value.substring(8, 16))) {
            return ORGANISATION_PROBLEM + " has a wrong check character (the code is mistyped)";
        }
        return null;
    }

    private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ORGANISATION_PROBLEM = "the organisation code (characters 9–17)";

    /**
     * The check character of an organisation code's first 8 characters (GB 11714): 11 − (Σ value·weight mod 11),
     * digits counting as themselves and letters A–Z as 10–35; 10 is written X and 11 is written 0.
     */
    public static char organisationCheckCharacter(String first8) {
        if (first8 == null || first8.length() != ORGANISATION_WEIGHTS.length) {
            throw new InvalidValueException("needs exactly 8 characters to compute an organisation code check");
        }
        int sum = 0;
        for (int i = 0; i < first8.length(); i++) {
            int symbol = Character.digit(first8.charAt(i), 36);
            if (symbol < 0) {
                throw new InvalidValueException("character '" + first8.charAt(i) + "' is not allowed");
            }
            sum += symbol * ORGANISATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    @Override
    public String toString() {
        return value;
    }
}
