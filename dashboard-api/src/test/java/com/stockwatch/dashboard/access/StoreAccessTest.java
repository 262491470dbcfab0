package com.stockwatch.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class StoreAccessTest {

    private static StoreAccess of(String... groups) {
        return StoreAccess.fromGroups(List.of(groups), "admin", "store-");
    }

    @Test
    void storeGroupGrantsThatStoreOnly() {
        StoreAccess access = of("store-berlin");
        assertThat(access.canSee("berlin")).isTrue();
        assertThat(access.canSee("paris")).isFalse();
        assertThat(access.isAdmin()).isFalse();
    }

    @Test
    void severalGroupsAddUp() {
        assertThat(of("store-berlin", "store-paris").grantedStores()).containsExactlyInAnyOrder("berlin", "paris");
    }

    @Test
    void adminSeesEveryStore() {
        StoreAccess access = of("admin");
        assertThat(access.canSee("berlin")).isTrue();
        assertThat(access.canSee("anything-else")).isTrue();
    }

    @Test
    void noGroupNoStore() {
        assertThat(of().canSee("berlin")).isFalse();
        assertThat(of("staff", "store-").grantedStores()).isEmpty();
    }

    @Test
    void groupNamesMustMatchExactly() {
        assertThat(of("administrators", "Store-berlin", "mystore-berlin").canSee("berlin")).isFalse();
    }

    @Test
    void malformedStoreIdsAreNeverVisibleNotEvenToAdmins() {
        assertThat(of("admin").canSee("../paris")).isFalse();
        assertThat(of("admin").canSee("")).isFalse();
        assertThat(of("store-a/b").grantedStores()).isEmpty();
    }

    @Test
    void requireStoreThrowsNamingTheStore() {
        assertThatThrownBy(() -> of("store-berlin").requireStore("paris"))
                .isInstanceOf(StoreForbiddenException.class).hasMessageContaining("paris");
    }
}
