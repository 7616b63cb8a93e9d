package cn.shuangkong.service.hazardpoint;

import java.net.URI;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.shuangkong.service.api.HazardPointsApi;
import cn.shuangkong.service.api.model.GradeHistoryEntry;
import cn.shuangkong.service.api.model.HazardPoint;
import cn.shuangkong.service.api.model.HazardPointClosure;
import cn.shuangkong.service.api.model.HazardPointInput;
import cn.shuangkong.service.api.model.HazardPointPage;
import cn.shuangkong.service.api.model.HazardPointStatus;
import cn.shuangkong.service.api.model.ImportResult;
import cn.shuangkong.service.excel.XlsxDownload;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ETags;

@RestController
class HazardPointController implements HazardPointsApi {

    private static final byte[] TEMPLATE = HazardPointSheet.template();

    private final HazardPointRegister register;
    private final HazardPointImport imports;

    HazardPointController(HazardPointRegister register, HazardPointImport imports) {
        this.register = register;
        this.imports = imports;
    }

    @Override
    public ResponseEntity<Resource> getHazardPointTemplate() {
        return XlsxDownload.of(TEMPLATE.clone(), "地质灾害隐患点导入表.xlsx");
    }

    @Override
    public ResponseEntity<ImportResult> importHazardPoints(MultipartFile file) {
        ImportResult result = imports.upload(CurrentUser.get(), file);
        return ResponseEntity.status(result.getReplayed() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }

    @Override
    public ResponseEntity<HazardPointPage> listHazardPoints(String regionCode, HazardPointStatus status, Integer page, Integer size) {
        return ResponseEntity.ok(register.list(CurrentUser.get(), regionCode, status, page, size));
    }

    @Override
    public ResponseEntity<HazardPoint> createHazardPoint(HazardPointInput input) {
        HazardPoint created = register.create(CurrentUser.get(), input);
        return ResponseEntity.created(URI.create("/api/v1/hazard-points/" + created.getId()))
                .eTag(ETags.of(created.getVersion()))
                .body(created);
    }

    @Override
    public ResponseEntity<HazardPoint> getHazardPoint(Long id) {
        HazardPoint point = register.find(CurrentUser.get(), id);
        return ResponseEntity.ok().eTag(ETags.of(point.getVersion())).body(point);
    }

    @Override
    public ResponseEntity<HazardPoint> updateHazardPoint(Long id, HazardPointInput input, String ifMatch) {
        HazardPoint updated = register.update(CurrentUser.get(), id, input, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(updated.getVersion())).body(updated);
    }

    @Override
    public ResponseEntity<HazardPoint> closeHazardPoint(Long id, HazardPointClosure closure, String ifMatch) {
        HazardPoint closed = register.close(CurrentUser.get(), id, closure, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(closed.getVersion())).body(closed);
    }

    @Override
    public ResponseEntity<List<GradeHistoryEntry>> getHazardPointGradeHistory(Long id) {
        return ResponseEntity.ok(register.history(CurrentUser.get(), id));
    }
}
