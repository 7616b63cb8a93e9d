package cn.shuangkong.service.safetyrecord;

import java.net.URI;
import java.time.Clock;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.shuangkong.service.api.SafetyRecordsApi;
import cn.shuangkong.service.api.model.Accident;
import cn.shuangkong.service.api.model.AccidentInput;
import cn.shuangkong.service.api.model.AccidentPage;
import cn.shuangkong.service.api.model.AlarmClearance;
import cn.shuangkong.service.api.model.EnforcementAction;
import cn.shuangkong.service.api.model.EnforcementActionInput;
import cn.shuangkong.service.api.model.EnforcementActionPage;
import cn.shuangkong.service.api.model.Licence;
import cn.shuangkong.service.api.model.LicenceInput;
import cn.shuangkong.service.api.model.LicencePage;
import cn.shuangkong.service.api.model.MonitoringAlarm;
import cn.shuangkong.service.api.model.MonitoringAlarmInput;
import cn.shuangkong.service.api.model.MonitoringAlarmPage;
import cn.shuangkong.service.api.model.QualityFinding;
import cn.shuangkong.service.api.model.QualityFindingInput;
import cn.shuangkong.service.api.model.QualityFindingPage;
import cn.shuangkong.service.api.model.QualityFindingResolution;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ETags;

@RestController
class SafetyRecordController implements SafetyRecordsApi {

    private static final Accidents ACCIDENTS = new Accidents();
    private static final EnforcementActions ENFORCEMENT_ACTIONS = new EnforcementActions();
    private static final Licences LICENCES = new Licences();
    private static final MonitoringAlarms MONITORING_ALARMS = new MonitoringAlarms();
    private static final QualityFindings QUALITY_FINDINGS = new QualityFindings();

    private final SafetyRecords records;
    private final Clock clock;

    SafetyRecordController(SafetyRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<AccidentPage> listAccidents(String uscc, Integer page, Integer size) {
        return ResponseEntity.ok(records.list(CurrentUser.get(), uscc, ACCIDENTS, page, size, AccidentPage::new));
    }

    @Override
    public ResponseEntity<Accident> createAccident(String uscc, AccidentInput input) {
        return created(uscc, ACCIDENTS, records.create(CurrentUser.get(), uscc, ACCIDENTS, input));
    }

    @Override
    public ResponseEntity<Accident> getAccident(String uscc, Long id) {
        return tagged(records.find(CurrentUser.get(), uscc, ACCIDENTS, id));
    }

    @Override
    public ResponseEntity<Accident> updateAccident(String uscc, Long id, AccidentInput input, String ifMatch) {
        return tagged(records.update(CurrentUser.get(), uscc, ACCIDENTS, id, input, ifMatch));
    }

    @Override
    public ResponseEntity<Void> deleteAccident(String uscc, Long id, String ifMatch) {
        records.delete(CurrentUser.get(), uscc, ACCIDENTS, id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<EnforcementActionPage> listEnforcementActions(String uscc, Integer page, Integer size) {
        return ResponseEntity.ok(records.list(CurrentUser.get(), uscc, ENFORCEMENT_ACTIONS, page, size, EnforcementActionPage::new));
    }

    @Override
    public ResponseEntity<EnforcementAction> createEnforcementAction(String uscc, EnforcementActionInput input) {
        return created(uscc, ENFORCEMENT_ACTIONS, records.create(CurrentUser.get(), uscc, ENFORCEMENT_ACTIONS, input));
    }

    @Override
    public ResponseEntity<EnforcementAction> getEnforcementAction(String uscc, Long id) {
        return tagged(records.find(CurrentUser.get(), uscc, ENFORCEMENT_ACTIONS, id));
    }

    @Override
    public ResponseEntity<EnforcementAction> updateEnforcementAction(String uscc, Long id, EnforcementActionInput input, String ifMatch) {
        return tagged(records.update(CurrentUser.get(), uscc, ENFORCEMENT_ACTIONS, id, input, ifMatch));
    }

    @Override
    public ResponseEntity<Void> deleteEnforcementAction(String uscc, Long id, String ifMatch) {
        records.delete(CurrentUser.get(), uscc, ENFORCEMENT_ACTIONS, id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<LicencePage> listLicences(String uscc, Integer page, Integer size) {
        return ResponseEntity.ok(records.list(CurrentUser.get(), uscc, LICENCES, page, size, LicencePage::new));
    }

    @Override
    public ResponseEntity<Licence> createLicence(String uscc, LicenceInput input) {
        return created(uscc, LICENCES, records.create(CurrentUser.get(), uscc, LICENCES, input));
    }

    @Override
    public ResponseEntity<Licence> getLicence(String uscc, Long id) {
        return tagged(records.find(CurrentUser.get(), uscc, LICENCES, id));
    }

    @Override
    public ResponseEntity<Licence> updateLicence(String uscc, Long id, LicenceInput input, String ifMatch) {
        return tagged(records.update(CurrentUser.get(), uscc, LICENCES, id, input, ifMatch));
    }

    @Override
    public ResponseEntity<Void> deleteLicence(String uscc, Long id, String ifMatch) {
        records.delete(CurrentUser.get(), uscc, LICENCES, id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<MonitoringAlarmPage> listMonitoringAlarms(String uscc, Integer page, Integer size) {
        return ResponseEntity.ok(records.list(CurrentUser.get(), uscc, MONITORING_ALARMS, page, size, MonitoringAlarmPage::new));
    }

    @Override
    public ResponseEntity<MonitoringAlarm> createMonitoringAlarm(String uscc, MonitoringAlarmInput input) {
        return created(uscc, MONITORING_ALARMS, records.create(CurrentUser.get(), uscc, MONITORING_ALARMS, input));
    }

    @Override
    public ResponseEntity<MonitoringAlarm> getMonitoringAlarm(String uscc, Long id) {
        return tagged(records.find(CurrentUser.get(), uscc, MONITORING_ALARMS, id));
    }

    @Override
    public ResponseEntity<MonitoringAlarm> updateMonitoringAlarm(String uscc, Long id, MonitoringAlarmInput input, String ifMatch) {
        return tagged(records.update(CurrentUser.get(), uscc, MONITORING_ALARMS, id, input, ifMatch));
    }

    @Override
    public ResponseEntity<Void> deleteMonitoringAlarm(String uscc, Long id, String ifMatch) {
        records.delete(CurrentUser.get(), uscc, MONITORING_ALARMS, id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<MonitoringAlarm> clearMonitoringAlarm(String uscc, Long id, AlarmClearance clearance, String ifMatch) {
        return tagged(records.settle(CurrentUser.get(), uscc, MONITORING_ALARMS, id, ifMatch, MonitoringAlarms.clearance(clearance)));
    }

    @Override
    public ResponseEntity<QualityFindingPage> listQualityFindings(String uscc, Integer page, Integer size) {
        return ResponseEntity.ok(records.list(CurrentUser.get(), uscc, QUALITY_FINDINGS, page, size, QualityFindingPage::new));
    }

    @Override
    public ResponseEntity<QualityFinding> createQualityFinding(String uscc, QualityFindingInput input) {
        return created(uscc, QUALITY_FINDINGS, records.create(CurrentUser.get(), uscc, QUALITY_FINDINGS, input));
    }

    @Override
    public ResponseEntity<QualityFinding> getQualityFinding(String uscc, Long id) {
        return tagged(records.find(CurrentUser.get(), uscc, QUALITY_FINDINGS, id));
    }

    @Override
    public ResponseEntity<QualityFinding> updateQualityFinding(String uscc, Long id, QualityFindingInput input, String ifMatch) {
        return tagged(records.update(CurrentUser.get(), uscc, QUALITY_FINDINGS, id, input, ifMatch));
    }

    @Override
    public ResponseEntity<Void> deleteQualityFinding(String uscc, Long id, String ifMatch) {
        records.delete(CurrentUser.get(), uscc, QUALITY_FINDINGS, id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<QualityFinding> resolveQualityFinding(String uscc, Long id, QualityFindingResolution resolution, String ifMatch) {
        return tagged(records.settle(CurrentUser.get(), uscc, QUALITY_FINDINGS, id, ifMatch, QualityFindings.resolution(resolution, clock)));
    }

    private static <T> ResponseEntity<T> created(String uscc, RecordType<?, ?, T> type, SafetyRecords.Stored<T> record) {
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + uscc + "/" + type.segment + "/" + record.id()))
                .eTag(ETags.of(record.version()))
                .body(record.body());
    }

    private static <T> ResponseEntity<T> tagged(SafetyRecords.Stored<T> record) {
        return ResponseEntity.ok().eTag(ETags.of(record.version())).body(record.body());
    }
}
