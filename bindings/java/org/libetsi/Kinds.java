/*
 * libetsi Java binding: record kinds by name.
 */
package org.libetsi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The record kinds of libetsi, read once from the C table. */
final class Kinds {
    private static final class Table {
        static final Table INSTANCE = new Table();

        final List<String> names = new ArrayList<>();         // index: kind id - 1
        final Map<String, Integer> ids = new HashMap<>();
        final List<List<String>> fields = new ArrayList<>();
        final List<Set<String>> fieldSets = new ArrayList<>();
        final Map<String, List<String>> all;

        private Table() {
            Map<String, List<String>> map = new LinkedHashMap<>();
            for (int k = 1;; k++) {
                String name = core.kind_name(k);
                if (name == null)
                    break;
                List<String> f = Collections.unmodifiableList(Arrays.asList(core.kind_fields(k)));
                names.add(name);
                ids.put(name, k);
                fields.add(f);
                fieldSets.add(new HashSet<>(f));
                map.put(name, f);
            }
            all = Collections.unmodifiableMap(map);
        }
    }

    private Kinds() {
    }

    /** The id of a kind name; EtsiException.Invalid for an unknown one. */
    static int id(String kind) {
        if (kind == null)
            throw new NullPointerException("kind");
        Integer id = Table.INSTANCE.ids.get(kind);
        if (id == null)
            throw EtsiException.invalid("'" + kind + "' is not a record kind; Etsi.kinds() lists them");
        return id;
    }

    static String name(int id) {
        return Table.INSTANCE.names.get(id - 1);
    }

    static List<String> fields(int id) {
        return Table.INSTANCE.fields.get(id - 1);
    }

    static boolean hasField(int id, String field) {
        return Table.INSTANCE.fieldSets.get(id - 1).contains(field);
    }

    static Map<String, List<String>> all() {
        return Table.INSTANCE.all;
    }
}
