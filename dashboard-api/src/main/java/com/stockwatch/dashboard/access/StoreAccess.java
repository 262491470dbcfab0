package com.stockwatch.dashboard.access;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import com.stockwatch.inventory.StoreIds;

/**
 * Who sees which store, from the user's Cognito groups: the admin group sees every store; a group
 * {@code <prefix><store_id>} (by default {@code store-berlin}) sees that store. Several groups add up. No group, no
 * store.
 */
public final class StoreAccess {

    private final boolean admin;
    private final Set<String> stores;

    private StoreAccess(boolean admin, Set<String> stores) {
        this.admin = admin;
        this.stores = stores;
    }

    /** The access granted by {@code groups} under the given admin group and store-group prefix. */
    public static StoreAccess fromGroups(Collection<String> groups, String adminGroup, String storeGroupPrefix) {
        boolean admin = false;
        Set<String> stores = new TreeSet<>();
        for (String group : groups) {
            if (group.equals(adminGroup)) {
                admin = true;
            } else if (group.startsWith(storeGroupPrefix)) {
                String store = group.substring(storeGroupPrefix.length());
                if (isValidStoreId(store)) {
                    stores.add(store);
                }
            }
        }
        return new StoreAccess(admin, Set.copyOf(stores));
    }

    public static boolean isValidStoreId(String store) {
        return StoreIds.isValid(store);
    }

    public boolean isAdmin() {
        return admin;
    }

    /** Whether the user may see {@code store}. */
    public boolean canSee(String store) {
        return isValidStoreId(store) && (admin || stores.contains(store));
    }

    /** The stores named by the user's store groups (an admin sees more: every known store). */
    public Set<String> grantedStores() {
        return stores;
    }

    /** @throws StoreForbiddenException when the user may not see {@code store} */
    public void requireStore(String store) {
        if (!canSee(store)) {
            throw new StoreForbiddenException(store);
        }
    }
}
