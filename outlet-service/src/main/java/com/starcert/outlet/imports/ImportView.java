package com.starcert.outlet.imports;

import java.time.Instant;

import com.starcert.outlet.infra.Actor;

/** An import's progress as the API shows it. */
public record ImportView(String importId, String enterpriseId, ImportFormat format, OutletImport.State state,
                         int rowsRead, int rowsValid, int rowsStored, Instant receivedAt, Instant finishedAt,
                         String failure, Actor requestedBy) {

    static ImportView of(OutletImport i) {
        return new ImportView(i.id(), i.enterpriseId(), i.format(), i.state(), i.rowsRead(), i.rowsValid(),
                i.rowsStored(), i.receivedAt(), i.finishedAt(), i.failure(), i.requestedBy());
    }
}
