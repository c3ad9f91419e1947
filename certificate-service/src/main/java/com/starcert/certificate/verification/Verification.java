package com.starcert.certificate.verification;

/**
 * The answer to "is this certificate genuine, and is it valid today?", told apart:
 *
 * @param authentic         the signature is the CB's and covers exactly the submitted fields (nothing else: an
 *                          authentic document may be withdrawn, superseded or expired)
 * @param reason            why (or why not), in words
 * @param number            the base number the signed content names (null when nothing could be read)
 * @param revision          the revision the document shows
 * @param status            the certificate's status in the register today (null when it is not in the register)
 * @param currentRevision   the register's current revision; higher than {@code revision} when the document is an
 *                          earlier issue
 * @param isCurrentRevision the document is the current revision
 * @param valid             authentic, the current revision, ACTIVE, and today within its validity
 * @param level             the level the document shows
 * @param validUntil        the last valid day the document shows
 * @param keyId             the signing key's id
 */
public record Verification(
        boolean authentic,
        String reason,
        String number,
        Integer revision,
        String displayNumber,
        String status,
        Integer currentRevision,
        boolean isCurrentRevision,
        boolean valid,
        String level,
        String validUntil,
        String keyId) {

    static Verification rejected(String reason) {
        return new Verification(false, reason, null, null, null, null, null, false, false, null, null, null);
    }
}
