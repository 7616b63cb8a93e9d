package cn.shuangkong.service.web;

import org.jooq.DSLContext;

/** Reading long results a row at a time, for exports. */
public final class Cursors {

    private Cursors() {
    }

    /**
     * The fetch size that makes the driver stream rather than buffer the whole result: MySQL Connector/J streams
     * only with {@code Integer.MIN_VALUE} (and then runs no other statement on the connection until the cursor is closed).
     */
    public static int streamingFetchSize(DSLContext db) {
        return switch (db.dialect().family()) {
            case MYSQL, MARIADB -> Integer.MIN_VALUE;
            default -> 1_000;
        };
    }
}
