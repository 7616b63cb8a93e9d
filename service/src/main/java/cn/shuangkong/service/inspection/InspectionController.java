package cn.shuangkong.service.inspection;

import java.net.URI;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.shuangkong.rules.checklist.Checklist;
import cn.shuangkong.rules.checklist.ChecklistCatalogue;
import cn.shuangkong.service.api.InspectionsApi;
import cn.shuangkong.service.api.model.ChecklistItem;
import cn.shuangkong.service.api.model.ChecklistSummary;
import cn.shuangkong.service.api.model.DangerType;
import cn.shuangkong.service.api.model.Inspection;
import cn.shuangkong.service.api.model.InspectionPage;
import cn.shuangkong.service.api.model.InspectionUpload;
import cn.shuangkong.service.excel.XlsxDownload;
import cn.shuangkong.service.hiddendanger.HiddenDangerLabels;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ApiException;

@RestController
class InspectionController implements InspectionsApi {

    private final ChecklistCatalogue checklists;
    private final ChecklistTemplates templates;
    private final InspectionImport imports;
    private final InspectionQueries queries;

    InspectionController(ChecklistCatalogue checklists, ChecklistTemplates templates, InspectionImport imports, InspectionQueries queries) {
        this.checklists = checklists;
        this.templates = templates;
        this.imports = imports;
        this.queries = queries;
    }

    @Override
    public ResponseEntity<List<ChecklistSummary>> listChecklists() {
        return ResponseEntity.ok(checklists.all().stream()
                .map(c -> new ChecklistSummary(c.code(), c.name(), c.scope(), c.version(), c.items().size(), (int) c.majorCount()))
                .toList());
    }

    @Override
    public ResponseEntity<cn.shuangkong.service.api.model.Checklist> getChecklist(String code) {
        Checklist c = require(code);
        return ResponseEntity.ok(new cn.shuangkong.service.api.model.Checklist(c.code(), c.name(), c.scope(), c.version(), c.items().stream()
                .map(i -> {
                    DangerType type = DangerType.fromValue(i.dangerType().name());
                    return new ChecklistItem(i.code(), i.section(), i.text(), i.basis(), i.major(), type, HiddenDangerLabels.of(type));
                })
                .toList()));
    }

    @Override
    public ResponseEntity<Resource> getChecklistTemplate(String code) {
        Checklist c = require(code);
        return XlsxDownload.of(templates.template(c), c.name() + "安全检查表-" + c.code() + ".xlsx");
    }

    @Override
    public ResponseEntity<InspectionUpload> uploadInspection(MultipartFile file) {
        InspectionUpload upload = imports.upload(CurrentUser.get(), file);
        if (upload.getReplayed()) {
            return ResponseEntity.ok(upload);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/inspections/" + upload.getInspection().getId()))
                .body(upload);
    }

    @Override
    public ResponseEntity<Inspection> getInspection(Long id) {
        return ResponseEntity.ok(queries.find(CurrentUser.get(), id));
    }

    @Override
    public ResponseEntity<InspectionPage> listInspections(String uscc, Integer page, Integer size) {
        return ResponseEntity.ok(queries.list(CurrentUser.get(), uscc, page, size));
    }

    private Checklist require(String code) {
        return checklists.find(code.strip().toUpperCase()).orElseThrow(() -> ApiException.notFound("检查表 " + code));
    }
}
