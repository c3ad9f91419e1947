package com.starcert.certificate.register;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The keys under which a certificate is found by part of its holder's name (名称检索): every character and every
 * pair of neighbouring characters of the name, after Unicode compatibility folding (full-width Latin letters and
 * digits become ordinary ones) and lower-casing, spaces left out. Stored with the certificate and indexed, so a
 * public search by part of a name is an index look-up on MongoDB instead of a pass over every certificate; a
 * Chinese name has no spaces to split words at, which is why pairs of characters rather than words.
 *
 * <p>A search term of one character looks up that character; a longer one needs every pair of neighbouring
 * characters of it (the name itself is still matched afterwards, so the keys only narrow).
 */
public final class HolderNameKeys {

    /** The field of a certificate document that holds the keys (not part of {@link Certificate}). */
    public static final String FIELD = "holderNameKeys";

    private HolderNameKeys() {
    }

    /** The keys of a holder's name: its characters and neighbouring pairs, each once. */
    public static List<String> of(String name) {
        List<String> characters = characters(name);
        Set<String> keys = new LinkedHashSet<>(characters);
        for (int i = 0; i + 1 < characters.size(); i++) {
            keys.add(characters.get(i) + characters.get(i + 1));
        }
        return List.copyOf(keys);
    }

    /** The keys a name must have to contain {@code part}: its one character, or its neighbouring pairs. */
    public static List<String> wanted(String part) {
        List<String> characters = characters(part);
        if (characters.size() <= 1) {
            return characters;
        }
        Set<String> pairs = new LinkedHashSet<>();
        for (int i = 0; i + 1 < characters.size(); i++) {
            pairs.add(characters.get(i) + characters.get(i + 1));
        }
        return List.copyOf(pairs);
    }

    private static List<String> characters(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> characters = new ArrayList<>();
        folded.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(c -> characters.add(new String(Character.toChars(c))));
        return characters;
    }
}
