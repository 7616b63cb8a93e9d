package cn.shuangkong.service.excel;

import java.util.List;

import cn.shuangkong.service.api.model.SpreadsheetError;

/**
 * An upload refused as a whole, with every problem found ({@code sheet}, {@code row}, {@code column}, message in
 * Chinese); nothing of it has been written. Answered as 422 problem+json.
 */
public final class SpreadsheetRejected extends RuntimeException {

    private final List<SpreadsheetError> errors;
    private final Long importId;

    public SpreadsheetRejected(String detail, List<SpreadsheetError> errors) {
        this(detail, errors, null);
    }

    /** Problems listed, at most; past it, one more line says how many were left out (the file has to be redone anyway). */
    static final int MAX_LISTED = 1_000;

    private SpreadsheetRejected(String detail, List<SpreadsheetError> errors, Long importId) {
        super(detail);
        if (errors.size() > MAX_LISTED) {
            List<SpreadsheetError> listed = new java.util.ArrayList<>(errors.subList(0, MAX_LISTED));
            listed.add(new SpreadsheetError("另有 " + (errors.size() - MAX_LISTED) + " 处错误未列出"));
            errors = listed;
        }
        this.errors = List.copyOf(errors);
        this.importId = importId;
    }

    /** The whole file is unusable (not a workbook, encrypted, a zip bomb, too many rows, …). */
    public static SpreadsheetRejected file(String message) {
        return new SpreadsheetRejected(message, List.of(new SpreadsheetError(message)));
    }

    /** The same refusal, now recorded as import {@code importId} (whose error report can be downloaded). */
    public SpreadsheetRejected recordedAs(long importId) {
        return new SpreadsheetRejected(getMessage(), errors, importId);
    }

    public List<SpreadsheetError> errors() {
        return errors;
    }

    public Long importId() {
        return importId;
    }
}
