package com.starcert.scoring.scheme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.json.JsonMapper;

import com.starcert.contracts.Scheme;

/**
 * The scheme versions that ship as files {@code schemes/<id>/<version>.json} on the classpath (the default
 * GB/T 27922-2011 allocation comes with event-contracts). A file whose content does not match its name or does not
 * pass the publication rules is left out with an error in the log rather than served.
 */
public final class ShippedSchemes {

    private static final Logger log = LoggerFactory.getLogger(ShippedSchemes.class);
    private static final Pattern FILE = Pattern.compile(".*/schemes/([^/]+)/([1-9][0-9]{0,8})\\.json$");

    private ShippedSchemes() {
    }

    public static List<Scheme> load() {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources("classpath*:schemes/*/*.json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the shipped schemes", e);
        }
        JsonMapper mapper = JsonMapper.builder().build();
        List<Scheme> schemes = new ArrayList<>();
        for (Resource resource : resources) {
            String location = String.valueOf(resource.getDescription());
            Matcher name;
            try {
                name = FILE.matcher(resource.getURL().toString());
            } catch (IOException e) {
                log.error("shipped scheme {} cannot be located: {}", location, e.getMessage());
                continue;
            }
            if (!name.matches()) {
                continue;
            }
            Scheme scheme;
            try (InputStream in = resource.getInputStream()) {
                scheme = mapper.readValue(in, Scheme.class);
            } catch (IOException | RuntimeException e) {
                log.error("shipped scheme {} is not readable and is ignored: {}", location, e.getMessage());
                continue;
            }
            if (!name.group(1).equals(scheme.id()) || Integer.parseInt(name.group(2)) != scheme.version()) {
                log.error("shipped scheme {} says it is {}/{}; ignored", location, scheme.id(), scheme.version());
                continue;
            }
            var problems = SchemeDraft.of(scheme).problems(scheme.id());
            if (!problems.isEmpty()) {
                log.error("shipped scheme {} is invalid and is ignored: {}", location, problems);
                continue;
            }
            if (schemes.stream().anyMatch(s -> s.ref().equals(scheme.ref()))) {
                continue; // the same file twice on the classpath
            }
            schemes.add(scheme);
        }
        schemes.sort(Comparator.comparing(Scheme::id).thenComparing(Scheme::version));
        return List.copyOf(schemes);
    }
}
