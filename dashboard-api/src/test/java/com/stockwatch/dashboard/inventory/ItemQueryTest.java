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
        assertThat(query.pagesInKeyOrder()).isTrue();
    }

    @Test
    void parsesStatusSortAndLimit() {
        ItemQuery query = parse("out_of_stock", " milk ", "-level", null, "200");
        assertThat(query.status()).contains(StockStatus.OUT_OF_STOCK);
        assertThat(query.search()).isEqualTo("milk");
        assertThat(query.sort()).isEqualTo(ItemSort.LEVEL);
        assertThat(query.descending()).isTrue();
        assertThat(query.limit()).isEqualTo(200);
        assertThat(query.pagesInKeyOrder()).isFalse();
    }

    @Test
    void inStockInItemOrderStillPagesInDynamoDb() {
        assertThat(parse("in_stock", null, "item", null, null).pagesInKeyOrder()).isTrue();
        assertThat(parse("low", null, "item", null, null).pagesInKeyOrder()).isFalse();
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
        ItemQuery view = parse("low", "a", "level", null, null);
        String cursor = new Cursor("berlin", view.viewKey(), "apple", "3").encode();
        assertThat(parse("low", "a", "level", cursor, "10").cursor()).isPresent()
                .get().extracting(Cursor::itemId).isEqualTo("apple");
        assertThatThrownBy(() -> parse("low", "a", "name", cursor, null)).isInstanceOf(BadParameterException.class);
        assertThatThrownBy(() -> ItemQuery.parse("paris", "low", "a", "level", cursor, null, 50, 200))
                .isInstanceOf(BadParameterException.class);
    }
}
