#ifndef ANNALS_CSQLITE_SHIM_H
#define ANNALS_CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a cast macro Swift cannot import; this hands it over as a function.
static inline sqlite3_destructor_type annals_sqlite_transient(void) { return SQLITE_TRANSIENT; }

/// sqlite3_db_config is variadic; Swift cannot call it, so wrap the integer form.
static inline int annals_sqlite_db_config_int(sqlite3 *db, int op, int value) {
    return sqlite3_db_config(db, op, value, (int *)0);
}
#endif
