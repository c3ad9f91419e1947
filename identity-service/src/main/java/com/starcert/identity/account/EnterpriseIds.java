package com.starcert.identity.account;

/**
 * What an enterprise id may look like. The ids are outlet-service's (ObjectId hex strings); this service does not
 * know which exist, it only keeps odd characters out of tokens and paths.
 */
public final class EnterpriseIds {

    public static final String PATTERN = "[A-Za-z0-9._:-]{1,64}";
    public static final String MESSAGE = "1 to 64 characters: letters, digits, '.', '_', ':' or '-'";

    private EnterpriseIds() {
    }

    public static boolean valid(String id) {
        return id != null && id.matches(PATTERN);
    }
}
