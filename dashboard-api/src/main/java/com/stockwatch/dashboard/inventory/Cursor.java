package com.stockwatch.dashboard.inventory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Opaque position after the last item of a page: the store, the view it belongs to, the last item id and, for
 * views sorted in memory, that item's sort value. Encoded as base64url JSON; clients pass it back unchanged. It
 * never carries an offset: the next page starts strictly after this item (keyset pagination), also for DynamoDB's
 * {@code ExclusiveStartKey}.
 */
public record Cursor(String store, String view, String itemId, String sortValue) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ENCODED_CHARS = 4096;

    public String encode() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("s", store);
        fields.put("v", view);
        fields.put("i", itemId);
        if (sortValue != null) {
            fields.put("o", sortValue);
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(fields));
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode cursor", e);
        }
    }

    /** @throws BadParameterException naming {@code cursor} when the text is not a cursor this dashboard made */
    public static Cursor decode(String text) {
        if (text.length() > MAX_ENCODED_CHARS) {
            throw broken();
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(text);
            Map<String, String> fields = JSON.readValue(new String(json, StandardCharsets.UTF_8),
                    new TypeReference<Map<String, String>>() {
                    });
            String store = fields.get("s");
            String view = fields.get("v");
            String itemId = fields.get("i");
            if (store == null || view == null || itemId == null || itemId.isEmpty()) {
                throw broken();
            }
            ItemIds.requireValid(itemId, "cursor");
            if (!ItemIds.fitsSortKey(fields.get("o"))) {
                throw broken();
            }
            return new Cursor(store, view, itemId, fields.get("o"));
        } catch (BadParameterException e) {
            throw e;
        } catch (Exception e) {
            throw broken();
        }
    }

    private static BadParameterException broken() {
        return new BadParameterException("cursor", "cursor is not valid; start again from the first page.");
    }
}
