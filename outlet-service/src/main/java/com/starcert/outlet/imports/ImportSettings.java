package com.starcert.outlet.imports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Operator settings of bulk outlet imports ({@code starcert.outlet.import.*}).
 *
 * @param maxRows           outlet rows one file may hold
 * @param maxFileSize       largest file taken (raw body or multipart part); keep
 *                          {@code spring.servlet.multipart.max-file-size} at least as large
 * @param chunkSize         outlets written per bulk write while storing
 * @param maxListedProblems problems listed in a refusal (all are counted)
 * @param workers           imports stored at the same time by one instance
 * @param staleAfter        an import whose storing made no progress for this long is finished or undone
 *                          (its instance stopped)
 */
@ConfigurationProperties("starcert.outlet.import")
public record ImportSettings(Integer maxRows, DataSize maxFileSize, Integer chunkSize, Integer maxListedProblems,
                             Integer workers, Duration staleAfter) {

    public ImportSettings {
        maxRows = maxRows == null ? 100_000 : maxRows;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(64) : maxFileSize;
        chunkSize = chunkSize == null ? 1000 : chunkSize;
        maxListedProblems = maxListedProblems == null ? 10_000 : maxListedProblems;
        workers = workers == null ? 1 : workers;
        staleAfter = staleAfter == null ? Duration.ofMinutes(5) : staleAfter;
    }
}
