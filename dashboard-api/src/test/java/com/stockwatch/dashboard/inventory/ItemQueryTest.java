package com.stockwatch.dashboard.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.stockwatch.inventory.StockStatus;

class ItemQueryTest {

    private static ItemQuery parse(String status, String q, String sort, String cursor, String limit) {
        return ItemQuery.parse("berlin", status, q, sort, cursor, limit, 50, 200);
    }

    @Test
    void defaultsAreAllItemsInItemOrderFiftyPerPage() {
        ItemQuery query = parse(null, null, null, null, null);
        assertThat(query.status()).isEmpty();
        assertThat(query.sort()).isEqualTo(ItemSort.ITEM);
        assertThat(query.descending()).isFalse();
        assertThat(query.limit()).isEqualTo(50);
    }

    @Test
    void parsesStatusSortSearchAndLimit() {
        ItemQuery query = parse(null, null, "-level", null, "200");
        assertThat(query.sort()).isEqualTo(ItemSort.LEVEL);
        assertThat(query.descending()).isTrue();
        assertThat(query.limit()).isEqualTo(200);
        assertThat(parse("out_of_stock", null, null, null, null).status()).contains(StockStatus.OUT_OF_STOCK);
        assertThat(parse(null, " milk ", null, null, null).search()).isEqualTo("milk");
        assertThat(parse("in_stock", null, "-item", null, null).descending()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({ "low,milk,,status", ",milk,level,sort", ",milk,-item,sort", "low,,level,sort", "out_of_stock,,-item,sort",
            "in_stock,,name,sort", ",,updated,sort" })
    void viewsThatNoIndexAnswersAreRefusedNamingTheParameter(String status, String q, String sort, String parameter) {
        assertThatThrownBy(() -> parse(status, q, sort, null, null))
                .isInstanceOf(BadParameterException.class)
                .satisfies(e -> assertThat(((BadParameterException) e).parameter()).isEqualTo(parameter))
                .hasMessageStartingWith(parameter);
    }

    @ParameterizedTest
    @CsvSource({ "limit,201", "limit,0", "limit,-1", "limit,1.5", "status,OUT", "sort,price", "sort,-", "cursor,%%%" })
    void badParametersAreNamed(String parameter, String value) {
        assertThatThrownBy(() -> parse(parameter.equals("status") ? value : null, null,
                parameter.equals("sort") ? value : null, parameter.equals("cursor") ? value : null,
                parameter.equals("limit") ? value : null))
                .isInstanceOf(BadParameterException.class)
                .satisfies(e -> assertThat(((BadParameterException) e).parameter()).isEqualTo(parameter))
                .hasMessageStartingWith(parameter);
    }

    @Test
    void tooLongSearchIsRefused() {
        assertThatThrownBy(() -> parse(null, "x".repeat(257), null, null, null))
                .isInstanceOf(BadParameterException.class).hasMessageStartingWith("q");
    }

    @Test
    void cursorRoundTripsForTheSameViewOnly() {
        ItemQuery view = parse(null, null, "level", null, null);
        String cursor = new Cursor("berlin", view.viewKey(), "apple", "3").encode();
        assertThat(parse(null, null, "level", cursor, "10").cursor()).isPresent()
                .get().extracting(Cursor::itemId).isEqualTo("apple");
        assertThatThrownBy(() -> parse(null, null, "name", cursor, null)).isInstanceOf(BadParameterException.class);
        assertThatThrownBy(() -> ItemQuery.parse("paris", null, null, "level", cursor, null, 50, 200))
                .isInstanceOf(BadParameterException.class);
    }
}
