package cn.shuangkong.service.imports;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.shuangkong.service.api.ImportsApi;
import cn.shuangkong.service.api.model.ImportJob;
import cn.shuangkong.service.excel.XlsxDownload;
import cn.shuangkong.service.security.CurrentUser;

@RestController
class ImportController implements ImportsApi {

    private final ImportJournal journal;

    ImportController(ImportJournal journal) {
        this.journal = journal;
    }

    @Override
    public ResponseEntity<ImportJob> getImport(Long id) {
        return ResponseEntity.ok(journal.find(CurrentUser.get(), id));
    }

    @Override
    public ResponseEntity<Resource> getImportReport(Long id) {
        return XlsxDownload.of(journal.report(CurrentUser.get(), id), "导入错误报告-" + id + ".xlsx");
    }
}
