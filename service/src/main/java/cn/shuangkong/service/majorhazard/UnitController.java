package cn.shuangkong.service.majorhazard;

import java.net.URI;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.shuangkong.service.api.UnitsApi;
import cn.shuangkong.service.api.model.ChemicalUnit;
import cn.shuangkong.service.api.model.ChemicalUnitInput;
import cn.shuangkong.service.api.model.GradeHistoryEntry;
import cn.shuangkong.service.api.model.ImportResult;
import cn.shuangkong.service.enterprise.EnterpriseRegistry;
import cn.shuangkong.service.excel.XlsxDownload;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ETags;

@RestController
class UnitController implements UnitsApi {

    private static final byte[] TEMPLATE = UnitSheet.template();

    private final UnitRegister register;
    private final UnitImport imports;
    private final EnterpriseRegistry enterprises;

    UnitController(UnitRegister register, UnitImport imports, EnterpriseRegistry enterprises) {
        this.register = register;
        this.imports = imports;
        this.enterprises = enterprises;
    }

    @Override
    public ResponseEntity<Resource> getUnitTemplate(String uscc) {
        enterprises.requireInScope(CurrentUser.get(), uscc);
        return XlsxDownload.of(TEMPLATE.clone(), "单元及危险化学品导入表.xlsx");
    }

    @Override
    public ResponseEntity<ImportResult> importUnits(String uscc, MultipartFile file) {
        ImportResult result = imports.upload(CurrentUser.get(), uscc, file);
        return ResponseEntity.status(result.getReplayed() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }

    @Override
    public ResponseEntity<List<ChemicalUnit>> listUnits(String uscc) {
        return ResponseEntity.ok(register.list(CurrentUser.get(), uscc));
    }

    @Override
    public ResponseEntity<ChemicalUnit> createUnit(String uscc, ChemicalUnitInput input) {
        ChemicalUnit created = register.create(CurrentUser.get(), uscc, input);
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + uscc + "/units/" + created.getId()))
                .eTag(ETags.of(created.getVersion()))
                .body(created);
    }

    @Override
    public ResponseEntity<ChemicalUnit> getUnit(String uscc, Long id) {
        ChemicalUnit unit = register.find(CurrentUser.get(), uscc, id);
        return ResponseEntity.ok().eTag(ETags.of(unit.getVersion())).body(unit);
    }

    @Override
    public ResponseEntity<ChemicalUnit> updateUnit(String uscc, Long id, ChemicalUnitInput input, String ifMatch) {
        ChemicalUnit updated = register.update(CurrentUser.get(), uscc, id, input, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(updated.getVersion())).body(updated);
    }

    @Override
    public ResponseEntity<List<GradeHistoryEntry>> getUnitGradeHistory(String uscc, Long id) {
        return ResponseEntity.ok(register.history(CurrentUser.get(), uscc, id));
    }
}
