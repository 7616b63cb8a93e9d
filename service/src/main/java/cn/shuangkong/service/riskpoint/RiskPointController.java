package cn.shuangkong.service.riskpoint;

import java.net.URI;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.shuangkong.service.api.RiskPointsApi;
import cn.shuangkong.service.api.model.Grade;
import cn.shuangkong.service.api.model.GradeHistoryEntry;
import cn.shuangkong.service.api.model.ImportResult;
import cn.shuangkong.service.api.model.RiskPoint;
import cn.shuangkong.service.api.model.RiskPointInput;
import cn.shuangkong.service.excel.XlsxDownload;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ETags;

@RestController
class RiskPointController implements RiskPointsApi {

    private final RiskPointRegister register;
    private final RiskControlList controlList;
    private final RiskPointImport imports;

    RiskPointController(RiskPointRegister register, RiskControlList controlList, RiskPointImport imports) {
        this.register = register;
        this.controlList = controlList;
        this.imports = imports;
    }

    @Override
    public ResponseEntity<Resource> getRiskPointTemplate(String uscc) {
        return XlsxDownload.of(controlList.template(CurrentUser.get(), uscc), "风险辨识评估清单导入表.xlsx");
    }

    @Override
    public ResponseEntity<ImportResult> importRiskPoints(String uscc, MultipartFile file) {
        ImportResult result = imports.upload(CurrentUser.get(), uscc, file);
        return ResponseEntity.status(result.getReplayed() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }

    @Override
    public ResponseEntity<Resource> exportRiskControlList(String uscc) {
        return XlsxDownload.of(controlList.export(CurrentUser.get(), uscc), "风险分级管控清单-" + uscc + ".xlsx");
    }

    @Override
    public ResponseEntity<List<RiskPoint>> listRiskPoints(String uscc, Grade grade) {
        return ResponseEntity.ok(register.list(CurrentUser.get(), uscc, grade));
    }

    @Override
    public ResponseEntity<RiskPoint> createRiskPoint(String uscc, RiskPointInput input) {
        RiskPoint created = register.create(CurrentUser.get(), uscc, input);
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + uscc + "/risk-points/" + created.getId()))
                .eTag(ETags.of(created.getVersion()))
                .body(created);
    }

    @Override
    public ResponseEntity<RiskPoint> getRiskPoint(String uscc, Long id) {
        RiskPoint point = register.find(CurrentUser.get(), uscc, id);
        return ResponseEntity.ok().eTag(ETags.of(point.getVersion())).body(point);
    }

    @Override
    public ResponseEntity<RiskPoint> updateRiskPoint(String uscc, Long id, RiskPointInput input, String ifMatch) {
        RiskPoint updated = register.update(CurrentUser.get(), uscc, id, input, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(updated.getVersion())).body(updated);
    }

    @Override
    public ResponseEntity<List<GradeHistoryEntry>> getRiskPointGradeHistory(String uscc, Long id) {
        return ResponseEntity.ok(register.history(CurrentUser.get(), uscc, id));
    }
}
