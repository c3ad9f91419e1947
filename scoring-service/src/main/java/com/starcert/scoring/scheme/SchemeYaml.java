package com.starcert.scoring.scheme;

import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import com.starcert.support.problem.ApiProblemException;

/**
 * Reads a scheme draft written in YAML (the same fields as the JSON document). SnakeYAML with its safe constructor
 * and default limits builds plain maps and lists — no arbitrary types, a bounded number of aliases — and Jackson
 * binds them to the draft, so both formats go through the same validation.
 */
final class SchemeYaml {

    private static final int MAX_BYTES = 1_000_000;

    private SchemeYaml() {
    }

    static SchemeDraft read(String yaml, JsonMapper mapper) {
        if (yaml == null || yaml.isBlank()) {
            throw new ApiProblemException.InvalidRequest("body", "must be a scheme document");
        }
        if (yaml.length() > MAX_BYTES) {
            throw new ApiProblemException.InvalidRequest("body", "must be at most " + MAX_BYTES + " characters");
        }
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            document = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new ApiProblemException.InvalidRequest("body", "not valid YAML: " + firstLine(e.getMessage()));
        }
        if (!(document instanceof Map<?, ?>)) {
            throw new ApiProblemException.InvalidRequest("body", "must be a YAML mapping with title and indicators");
        }
        try {
            return mapper.convertValue(document, SchemeDraft.class);
        } catch (JacksonException e) {
            throw new ApiProblemException.InvalidRequest(path(e), "has the wrong type: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new ApiProblemException.InvalidRequest("body", "does not fit a scheme document");
        }
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
