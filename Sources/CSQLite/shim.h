#include <sqlite3.h>

// sqlite3_db_config is variadic, which Swift cannot call.
static inline int plimsoll_sqlite3_defensive(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
}
