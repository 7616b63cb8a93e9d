package cn.shuangkong.service.hiddendanger;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.shuangkong.service.api.HiddenDangersApi;
import cn.shuangkong.service.api.model.Extension;
import cn.shuangkong.service.api.model.ExtensionDecision;
import cn.shuangkong.service.api.model.ExtensionRequest;
import cn.shuangkong.service.api.model.GovernancePlan;
import cn.shuangkong.service.api.model.HiddenDanger;
import cn.shuangkong.service.api.model.HiddenDangerEvent;
import cn.shuangkong.service.api.model.HiddenDangerInput;
import cn.shuangkong.service.api.model.HiddenDangerLevel;
import cn.shuangkong.service.api.model.HiddenDangerPage;
import cn.shuangkong.service.api.model.HiddenDangerSource;
import cn.shuangkong.service.api.model.HiddenDangerStatistics;
import cn.shuangkong.service.api.model.HiddenDangerStatus;
import cn.shuangkong.service.api.model.HiddenDangerTransition;
import cn.shuangkong.service.api.model.ImportResult;
import cn.shuangkong.service.api.model.SupervisionChange;
import cn.shuangkong.service.api.model.SupervisionLevel;
import cn.shuangkong.service.excel.XlsxDownload;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ETags;
import cn.shuangkong.service.web.Times;

@RestController
class HiddenDangerController implements HiddenDangersApi {

    private final HiddenDangerReporting reporting;
    private final HiddenDangerLifecycle lifecycle;
    private final HiddenDangerQueries queries;
    private final HiddenDangerStatisticsQuery statistics;
    private final HiddenDangerExport export;
    private final HiddenDangerSheetImport sheetImport;
    private final Clock clock;

    HiddenDangerController(HiddenDangerReporting reporting, HiddenDangerLifecycle lifecycle, HiddenDangerQueries queries,
                           HiddenDangerStatisticsQuery statistics, HiddenDangerExport export, HiddenDangerSheetImport sheetImport, Clock clock) {
        this.sheetImport = sheetImport;
        this.reporting = reporting;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.statistics = statistics;
        this.export = export;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<HiddenDanger> reportHiddenDanger(HiddenDangerInput input) {
        HiddenDanger danger = reporting.report(CurrentUser.get(), input);
        return ResponseEntity.created(URI.create("/api/v1/hidden-dangers/" + danger.getId())).eTag(ETags.of(danger.getVersion())).body(danger);
    }

    @Override
    public ResponseEntity<ImportResult> importHiddenDangers(MultipartFile file) {
        ImportResult result = sheetImport.upload(CurrentUser.get(), file);
        return ResponseEntity.status(result.getReplayed() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }

    @Override
    public ResponseEntity<HiddenDanger> getHiddenDanger(Long id) {
        return withETag(queries.find(CurrentUser.get(), id));
    }

    @Override
    public ResponseEntity<HiddenDangerPage> listHiddenDangers(String regionCode, String uscc, HiddenDangerLevel level, HiddenDangerStatus status,
                                                              Boolean overdue, HiddenDangerSource source, SupervisionLevel supervisionLevel,
                                                              LocalDate foundFrom, LocalDate foundTo, String q, String sort, Integer page, Integer size) {
        var filter = new HiddenDangerQueries.Filter(regionCode, uscc, level, status, overdue, source, supervisionLevel, foundFrom, foundTo, q);
        return ResponseEntity.ok(queries.list(CurrentUser.get(), filter, sort, page, size));
    }

    @Override
    public ResponseEntity<Resource> exportHiddenDangers(String regionCode, String uscc, HiddenDangerLevel level, HiddenDangerStatus status,
                                                        Boolean overdue, HiddenDangerSource source, SupervisionLevel supervisionLevel,
                                                        LocalDate foundFrom, LocalDate foundTo, String q, String sort) {
        var filter = new HiddenDangerQueries.Filter(regionCode, uscc, level, status, overdue, source, supervisionLevel, foundFrom, foundTo, q);
        return XlsxDownload.of(export.dangers(CurrentUser.get(), filter, sort), "隐患清单-" + Times.today(clock) + ".xlsx");
    }

    @Override
    public ResponseEntity<HiddenDanger> transitionHiddenDanger(Long id, HiddenDangerTransition transition, String ifMatch) {
        return withETag(lifecycle.transition(CurrentUser.get(), id, transition, ifMatch));
    }

    @Override
    public ResponseEntity<HiddenDanger> putGovernancePlan(Long id, GovernancePlan plan, String ifMatch) {
        return withETag(lifecycle.setPlan(CurrentUser.get(), id, plan, ifMatch));
    }

    @Override
    public ResponseEntity<HiddenDanger> raiseSupervision(Long id, SupervisionChange change, String ifMatch) {
        return withETag(lifecycle.raiseSupervision(CurrentUser.get(), id, change, ifMatch));
    }

    @Override
    public ResponseEntity<List<Extension>> listExtensions(Long id) {
        return ResponseEntity.ok(queries.extensions(CurrentUser.get(), id));
    }

    @Override
    public ResponseEntity<Extension> requestExtension(Long id, ExtensionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(lifecycle.requestExtension(CurrentUser.get(), id, request));
    }

    @Override
    public ResponseEntity<Extension> decideExtension(Long id, Long extensionId, ExtensionDecision decision) {
        return ResponseEntity.ok(lifecycle.decideExtension(CurrentUser.get(), id, extensionId, decision));
    }

    @Override
    public ResponseEntity<List<HiddenDangerEvent>> listHiddenDangerEvents(Long id) {
        return ResponseEntity.ok(queries.events(CurrentUser.get(), id));
    }

    @Override
    public ResponseEntity<HiddenDangerStatistics> hiddenDangerStatistics(String regionCode, String groupBy, LocalDate from, LocalDate to) {
        return ResponseEntity.ok(statistics.statistics(CurrentUser.get(), regionCode, groupBy, from, to));
    }

    @Override
    public ResponseEntity<Resource> exportHiddenDangerStatistics(String regionCode, String groupBy, LocalDate from, LocalDate to) {
        return XlsxDownload.of(export.statistics(CurrentUser.get(), regionCode, groupBy, from, to), "隐患统计-" + Times.today(clock) + ".xlsx");
    }

    private static ResponseEntity<HiddenDanger> withETag(HiddenDanger danger) {
        return ResponseEntity.ok().eTag(ETags.of(danger.getVersion())).body(danger);
    }
}
