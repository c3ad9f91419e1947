package com.starcert.outlet.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;

import com.starcert.outlet.registry.InvalidValueException;
import com.starcert.outlet.registry.Province;
import com.starcert.outlet.registry.Violations;

/**
 * The filters of an outlet listing or coverage report as a client sends them
 * ({@code province=41&city=4101&kind=BRANCH&status=ACTIVE&onSiteWithinHours=4&sort=name,asc}); every bad parameter
 * is named in one 400. A commitment filter keeps outlets that promise at least that much, e.g.
 * {@code onSiteWithinHours=4} keeps an outlet on site within 2 h and drops one within 8 h.
 */
public record OutletQuery(OutletKind kind, OutletStatus status, Province province, String city,
                          Integer responseWithinHours, Integer onSiteWithinHours, Integer resolutionWithinHours,
                          int page, int size, Sort sort) {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;
    private static final Pattern CITY = Pattern.compile("\\d{4}");

    /** Sort keys a client may use and the stored fields behind them; each has an index after the enterprise. */
    static final Map<String, String> SORT_KEYS;

    static {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("name", "name");
        keys.put("registeredAt", "registeredAt");
        keys.put("regionCode", "address.regionCode");
        keys.put("province", "address.province");
        keys.put("kind", "kind");
        keys.put("status", "status");
        keys.put("responseHours", "commitments.responseHours");
        keys.put("onSiteHours", "commitments.onSiteHours");
        keys.put("resolutionHours", "commitments.resolutionHours");
        keys.put("id", "id");
        SORT_KEYS = Map.copyOf(keys);
    }

    /** The raw request parameters; any of them may be null. */
    public record Params(String kind, String status, String province, String city, String responseWithinHours,
                         String onSiteWithinHours, String resolutionWithinHours, String page, String size,
                         List<String> sort) {

        /** Only the commitment and place filters, as the coverage report takes them. */
        public static Params coverage(String province, String kind, String responseWithinHours,
                                      String onSiteWithinHours, String resolutionWithinHours) {
            return new Params(kind, null, province, null, responseWithinHours, onSiteWithinHours,
                    resolutionWithinHours, null, null, null);
        }
    }

    public static OutletQuery parse(Params p) {
        Violations v = new Violations();
        OutletKind kind = p.kind() == null ? null : v.value("kind", p.kind(), raw -> parseEnum(OutletKind.class, raw));
        OutletStatus status = p.status() == null ? null
                : v.value("status", p.status(), raw -> parseEnum(OutletStatus.class, raw));
        Province province = p.province() == null ? null : v.value("province", p.province(), Province::parse);
        String city = p.city() == null ? null : v.value("city", p.city(), OutletQuery::parseCity);
        if (province != null && city != null && !city.startsWith(province.code())) {
            v.add("city", "city " + city + " is not in province " + province.code());
        }
        Integer response = hours(v, "responseWithinHours", p.responseWithinHours());
        Integer onSite = hours(v, "onSiteWithinHours", p.onSiteWithinHours());
        Integer resolution = hours(v, "resolutionWithinHours", p.resolutionWithinHours());
        Integer page = integer(v, "page", p.page(), 0, Integer.MAX_VALUE / MAX_PAGE_SIZE, "must be 0 or more");
        Integer size = integer(v, "size", p.size(), 1, MAX_PAGE_SIZE, "must be between 1 and " + MAX_PAGE_SIZE);
        Sort sort = sort(v, p.sort());
        v.throwIfAny();
        return new OutletQuery(kind, status, province, city, response, onSite, resolution,
                page == null ? 0 : page, size == null ? DEFAULT_PAGE_SIZE : size, sort);
    }

    /** The filter in Mongo terms; staged outlets (an import still running) are never part of it. */
    public Criteria criteria(String enterpriseId) {
        Criteria c = Criteria.where("enterpriseId").is(enterpriseId);
        if (kind != null) {
            c = c.and("kind").is(kind);
        }
        if (status != null) {
            c = c.and("status").is(status);
        }
        if (city != null) {
            // an anchored prefix, which an index on the region code serves as a range
            c = c.and("address.regionCode").regex("^" + city);
        } else if (province != null) {
            c = c.and("address.province").is(province.code());
        }
        if (responseWithinHours != null) {
            c = c.and("commitments.responseHours").lte(responseWithinHours);
        }
        if (onSiteWithinHours != null) {
            c = c.and("commitments.onSiteHours").lte(onSiteWithinHours);
        }
        if (resolutionWithinHours != null) {
            c = c.and("commitments.resolutionHours").lte(resolutionWithinHours);
        }
        return c.and(Outlet.STAGED).ne(true);
    }

    private static String parseCity(String raw) {
        String city = raw.strip();
        if (!CITY.matcher(city).matches()) {
            throw new InvalidValueException("must be the first four digits of a region code, e.g. 4101");
        }
        Province.parse(city.substring(0, 2));
        return city;
    }

    private static Integer hours(Violations v, String field, String raw) {
        return integer(v, field, raw, 1, 10_000, "must be a positive number of hours");
    }

    private static Integer integer(Violations v, String field, String raw, int min, int max, String reason) {
        if (raw == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                v.add(field, reason);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            v.add(field, "'" + raw + "' is not a whole number");
            return null;
        }
    }

    /**
     * {@code sort=name,asc} (repeatable; direction defaults to asc); the id always breaks ties so that paging is
     * stable. Without a sort the listing is in registration order (by id).
     */
    private static Sort sort(Violations v, List<String> raw) {
        List<Sort.Order> orders = new ArrayList<>();
        if (raw != null) {
            for (String spec : raw) {
                if (spec == null || spec.isBlank()) {
                    continue;
                }
                String[] parts = spec.split(",");
                String key = parts[0].strip();
                String field = SORT_KEYS.get(key);
                if (field == null) {
                    v.add("sort", "'" + key + "' is not one of " + SORT_KEYS.keySet().stream().sorted().toList());
                    continue;
                }
                Sort.Direction direction = Sort.Direction.ASC;
                if (parts.length > 2) {
                    v.add("sort", "'" + spec + "' must be <key> or <key>,asc|desc");
                    continue;
                }
                if (parts.length == 2) {
                    String d = parts[1].strip().toLowerCase(Locale.ROOT);
                    if (!d.equals("asc") && !d.equals("desc")) {
                        v.add("sort", "direction '" + parts[1].strip() + "' must be asc or desc");
                        continue;
                    }
                    direction = d.equals("desc") ? Sort.Direction.DESC : Sort.Direction.ASC;
                }
                orders.add(new Sort.Order(direction, field));
            }
        }
        if (orders.stream().noneMatch(o -> o.getProperty().equals("id"))) {
            orders.add(Sort.Order.asc("id"));
        }
        return Sort.by(orders);
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String raw) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("'" + raw + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
