package cn.shuangkong.service.imports;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import cn.shuangkong.service.api.model.ImportResult;
import cn.shuangkong.service.excel.SpreadsheetRejected;
import cn.shuangkong.service.excel.Upload;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ApiException;

/**
 * The course of every registry import, whatever it imports: a file accepted before answers with its first result;
 * otherwise the whole file is checked ({@code check}: read it, collect every problem, throw {@link SpreadsheetRejected}
 * with all of them) and a refusal is recorded for its error report; a clean file is written ({@code write}) in one
 * transaction with its acceptance and what it did. Two uploads of one file at once: the second finds the first's
 * acceptance (the database's unique key) and answers with it.
 */
@Service
public class SheetImports {

    /** What an import did. */
    public record Counts(long created, long updated, long unchanged) {
    }

    private final ImportJournal journal;
    private final TransactionTemplate transaction;

    SheetImports(ImportJournal journal, PlatformTransactionManager transactions) {
        this.journal = journal;
        this.transaction = new TransactionTemplate(transactions);
    }

    public <P> ImportResult run(CurrentUser user, String kind, MultipartFile file, Function<byte[], P> check, Function<P, Counts> write) {
        return run(user, kind, ImportJournal.NO_TARGET, file, check, write);
    }

    /**
     * An import into {@code target} (the enterprise a path names): the same file is one import per target, so the
     * same sheet uploaded for two enterprises is imported into each.
     */
    public <P> ImportResult run(CurrentUser user, String kind, String target, MultipartFile file, Function<byte[], P> check,
                                Function<P, Counts> write) {
        Upload upload = Upload.of(file);
        Optional<ImportResult> earlier = replay(kind, target, upload);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        P checked;
        try {
            checked = check.apply(upload.content());
        } catch (SpreadsheetRejected e) {
            throw e.recordedAs(journal.reject(user, kind, upload, e.errors()));
        }
        try {
            return transaction.execute(status -> {
                long importId = journal.accept(user, kind, target, upload);
                Counts counts = write.apply(checked);
                journal.summarize(importId, counts);
                return result(importId, counts, false);
            });
        } catch (DuplicateKeyException e) {
            return replay(kind, target, upload).orElseThrow(() -> ApiException.conflict("导入期间有相同的数据被他人登记，未导入任何数据，请重新上传"));
        }
    }

    /**
     * An import that checks and writes its rows as it reads them ({@code checkAndWrite}), in one transaction: a large
     * sheet's rows are written while the rest is still being read and checked. Any problem in the file must be thrown
     * as {@link SpreadsheetRejected} once the whole file has been checked; the transaction is then rolled back (nothing
     * written) and the refusal recorded as with {@link #run}. The acceptance is recorded after the rows, in the same
     * transaction: a second upload of the same file at once fails on the unique key there (or on the rows it writes
     * first) and answers with the first one's result, as with {@link #run}.
     */
    public ImportResult runWhileReading(CurrentUser user, String kind, String target, MultipartFile file, Function<byte[], Counts> checkAndWrite) {
        Upload upload = Upload.of(file);
        Optional<ImportResult> earlier = replay(kind, target, upload);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return transaction.execute(status -> {
                Counts counts = checkAndWrite.apply(upload.content());
                long importId = journal.accept(user, kind, target, upload);
                journal.summarize(importId, counts);
                return result(importId, counts, false);
            });
        } catch (SpreadsheetRejected e) {
            throw e.recordedAs(journal.reject(user, kind, upload, e.errors()));
        } catch (DuplicateKeyException e) {
            return replay(kind, target, upload).orElseThrow(() -> ApiException.conflict("导入期间有相同的数据被他人登记，未导入任何数据，请重新上传"));
        }
    }

    private Optional<ImportResult> replay(String kind, String target, Upload upload) {
        return journal.accepted(kind, target, upload.sha256())
                .map(id -> result(id, journal.summary(id, Counts.class).orElse(new Counts(0, 0, 0)), true));
    }

    private static ImportResult result(long importId, Counts counts, boolean replayed) {
        return new ImportResult(importId, counts.created(), counts.updated(), counts.unchanged(), replayed);
    }
}
