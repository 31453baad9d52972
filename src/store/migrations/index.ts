import type { Migration } from 'kysely'
import * as createOrders from './2026_11_28_0001_create_orders.ts'
import * as addOrderListIndexes from './2026_11_28_0002_add_order_list_indexes.ts'
import * as createEmailTables from './2026_11_28_0003_create_email_tables.ts'
import * as createOrderSearchAndDailyStats from './2026_11_29_0004_create_order_search_and_daily_stats.ts'
import * as countPriceInSpend from './2026_11_30_0005_count_price_in_spend.ts'
import * as sortByAmount from './2026_11_30_0006_sort_by_amount.ts'
import * as indexOrdersByCurrency from './2026_11_30_0007_index_orders_by_currency.ts'
import * as foldSearchCaseBeyondAscii from './2026_11_30_0008_fold_search_case_beyond_ascii.ts'

/** Every migration, by name; names sort in the order they run. A static list works the same from src/ and dist/. */
export const migrations: Record<string, Migration> = {
  '2026_11_28_0001_create_orders': createOrders,
  '2026_11_28_0002_add_order_list_indexes': addOrderListIndexes,
  '2026_11_28_0003_create_email_tables': createEmailTables,
  '2026_11_29_0004_create_order_search_and_daily_stats': createOrderSearchAndDailyStats,
  '2026_11_30_0005_count_price_in_spend': countPriceInSpend,
  '2026_11_30_0006_sort_by_amount': sortByAmount,
  '2026_11_30_0007_index_orders_by_currency': indexOrdersByCurrency,
  '2026_11_30_0008_fold_search_case_beyond_ascii': foldSearchCaseBeyondAscii
}
