package com.starcert.audit.scheme;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import com.starcert.contracts.Scheme;

/** A scheme version a CB published ({@code scheme.published}); immutable, so stored once under "id/version". */
@Document("schemes")
@CompoundIndex(name = "scheme_latest_version", def = "{'schemeId': 1, 'version': -1}", unique = true)
public record PublishedScheme(@Id String key, String schemeId, int version, Scheme scheme, Instant publishedAt) {

    public static String key(String schemeId, int version) {
        return schemeId + "/" + version;
    }
}
