package com.starcert.outlet.imports;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import com.starcert.outlet.infra.Actor;

/**
 * A bulk import of outlets (批量导入) that passed every check and is being, or has been, stored. A refused file
 * leaves no import behind. {@code rowsStored} grows while the outlets are written (still invisible); the state
 * turns COMPLETED once all of them became visible at once, or FAILED when storing them had to be undone.
 *
 * @param requestedBy who sent the file (the CB administrator or the enterprise itself), from the access token
 */
@Document("outlet_imports")
@CompoundIndex(name = "enterprise_state", def = "{'enterpriseId': 1, 'state': 1}")
// the recovery pass looks for imports still STORING since before a moment
@CompoundIndex(name = "state_updated", def = "{'state': 1, 'updatedAt': 1}")
public record OutletImport(
        @Id String id,
        String enterpriseId,
        ImportFormat format,
        State state,
        int rowsRead,
        int rowsValid,
        int rowsStored,
        String correlationId,
        Instant receivedAt,
        Instant updatedAt,
        Instant finishedAt,
        String failure,
        Actor requestedBy) {

    public enum State {
        /** Outlets are being written; none of them is visible yet. */
        STORING,
        /** Every outlet of the file is visible and its OutletChanged event on its way. */
        COMPLETED,
        /** Storing failed and was undone: none of the file's outlets exists. */
        FAILED
    }
}
