package cn.shuangkong.service.imports;

import java.nio.charset.StandardCharsets;
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
        return run(user, kind, null, file, check, write);
    }

    /**
     * As {@link #run(CurrentUser, String, MultipartFile, Function, Function)} for a file whose rows do not say where
     * they belong ({@code target}: the enterprise whose units they are, the jurisdiction that uploads them): the same
     * file is a replay only for the same target, so one enterprise's file never answers for another's.
     */
    public <P> ImportResult run(CurrentUser user, String kind, String target, MultipartFile file, Function<byte[], P> check,
                                Function<P, Counts> write) {
        Upload upload = Upload.of(file);
        String key = target == null ? upload.sha256() : Upload.sha256((target + "\n" + upload.sha256()).getBytes(StandardCharsets.UTF_8));
        Optional<ImportResult> earlier = replay(kind, key);
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
                long importId = journal.accept(user, kind, upload, key);
                Counts counts = write.apply(checked);
                journal.summarize(importId, counts);
                return result(importId, counts, false);
            });
        } catch (DuplicateKeyException e) {
            return replay(kind, key).orElseThrow(() -> ApiException.conflict("导入期间有相同的数据被他人登记，未导入任何数据，请重新上传"));
        }
    }

    private Optional<ImportResult> replay(String kind, String key) {
        return journal.accepted(kind, key)
                .map(id -> result(id, journal.summary(id, Counts.class).orElse(new Counts(0, 0, 0)), true));
    }

    private static ImportResult result(long importId, Counts counts, boolean replayed) {
        return new ImportResult(importId, counts.created(), counts.updated(), counts.unchanged(), replayed);
    }
}
