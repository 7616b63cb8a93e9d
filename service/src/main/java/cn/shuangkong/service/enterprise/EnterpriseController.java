package cn.shuangkong.service.enterprise;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.shuangkong.service.api.EnterprisesApi;
import cn.shuangkong.service.api.model.Enterprise;
import cn.shuangkong.service.api.model.ImportResult;
import cn.shuangkong.service.api.model.EnterpriseInput;
import cn.shuangkong.service.api.model.EnterprisePage;
import cn.shuangkong.service.api.model.EnterpriseUpdate;
import cn.shuangkong.service.api.model.Grade;
import cn.shuangkong.service.api.model.IndustryCategory;
import cn.shuangkong.service.excel.XlsxDownload;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.ETags;
import cn.shuangkong.service.web.Times;

@RestController
class EnterpriseController implements EnterprisesApi {

    private static final byte[] TEMPLATE = EnterpriseExport.template();

    private final EnterpriseRegistry registry;
    private final EnterpriseImport imports;
    private final EnterpriseExport exports;
    private final Clock clock;

    EnterpriseController(EnterpriseRegistry registry, EnterpriseImport imports, EnterpriseExport exports, Clock clock) {
        this.registry = registry;
        this.imports = imports;
        this.exports = exports;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<Resource> getEnterpriseTemplate() {
        return XlsxDownload.of(TEMPLATE.clone(), "企业信息导入表.xlsx");
    }

    @Override
    public ResponseEntity<ImportResult> importEnterprises(MultipartFile file) {
        ImportResult result = imports.upload(CurrentUser.get(), file);
        return ResponseEntity.status(result.getReplayed() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }

    @Override
    public ResponseEntity<Resource> exportEnterprises(String regionCode, IndustryCategory industryCategory, List<Grade> colour) {
        return XlsxDownload.of(exports.export(CurrentUser.get(), regionCode, industryCategory, colour), "企业信息-" + Times.today(clock) + ".xlsx");
    }

    @Override
    public ResponseEntity<Enterprise> createEnterprise(EnterpriseInput input) {
        Enterprise created = registry.register(CurrentUser.get(), input.getUscc(), EnterpriseFields.of(input));
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + created.getUscc()))
                .eTag(ETags.of(created.getVersion()))
                .body(created);
    }

    @Override
    public ResponseEntity<Enterprise> getEnterprise(String uscc) {
        Enterprise enterprise = registry.find(CurrentUser.get(), uscc).orElseThrow(() -> ApiException.notFound("企业 " + uscc));
        return ResponseEntity.ok().eTag(ETags.of(enterprise.getVersion())).body(enterprise);
    }

    @Override
    public ResponseEntity<EnterprisePage> listEnterprises(String regionCode, IndustryCategory industryCategory, String q,
                                                          Integer page, Integer size, String sort) {
        return ResponseEntity.ok(registry.list(CurrentUser.get(), regionCode, industryCategory, q, page, size, sort));
    }

    @Override
    public ResponseEntity<Enterprise> updateEnterprise(String uscc, EnterpriseUpdate update, String ifMatch) {
        if (update.getUscc() != null && !update.getUscc().equals(uscc)) {
            throw ApiException.invalidField("uscc", "统一社会信用代码不可修改，请求体中的代码应与路径中的 " + uscc + " 一致");
        }
        Enterprise updated = registry.update(CurrentUser.get(), uscc, EnterpriseFields.of(update), ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(updated.getVersion())).body(updated);
    }
}
